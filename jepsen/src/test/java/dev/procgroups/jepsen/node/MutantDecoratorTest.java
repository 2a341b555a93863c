package dev.procgroups.jepsen.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procgroups.daemon.NodeDecorator;
import dev.procgroups.daemon.control.FakeBackend;
import dev.procgroups.daemon.control.NodeBackend;
import dev.procgroups.node.NodeConfig;
import dev.procgroups.transport.auth.ClusterSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The node mutants as a decorator of the daemon: at start they change only the config handed to the
 * daemon's own start (no node of their own), and what the control endpoint serves is wrapped.
 */
class MutantDecoratorTest {

  private static final Path DATA = Path.of("/var/lib/procgroups/m1");

  /** The daemon's start as seen from the decorator: each config it gets, and a full disk. */
  private static final class RecordingStart implements NodeDecorator.Start {
    final List<Path> dataDirs = new ArrayList<>();

    @Override
    public dev.procgroups.node.Node from(NodeConfig.Builder config) {
      Path dataDir = config.build().dataDir();
      dataDirs.add(dataDir);
      if (dataDir != null) {
        throw new UncheckedIOException(new IOException("No space left on device"));
      }
      return null; // the decorator hands the node on; these tests look only at the configs
    }
  }

  private static NodeConfig.Builder config() {
    return NodeConfig.builder("m1")
        .bind("127.0.0.1", 0)
        .secret(ClusterSecret.random())
        .plaintext()
        .dataDir(DATA);
  }

  @Test
  void withoutAStartMutantAFullDiskRefusesTheStartAsTheDaemonDoes() {
    RecordingStart start = new RecordingStart();
    MutantDecorator decorator = new MutantDecorator(Set.of(NodeMutant.DOUBLE_BROADCAST));
    assertThatThrownBy(() -> decorator.start(config(), start))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(start.dataDirs).containsExactly(DATA);
  }

  @Test
  void ignoreDataDirStartsWithoutTheDataDirectory() throws Exception {
    RecordingStart start = new RecordingStart();
    new MutantDecorator(Set.of(NodeMutant.IGNORE_DATA_DIR)).start(config(), start);
    assertThat(start.dataDirs).containsExactly((Path) null);
  }

  @Test
  void ignoreFullDiskStartsAgainWithoutTheDataDirectoryItCouldNotWrite() throws Exception {
    RecordingStart start = new RecordingStart();
    new MutantDecorator(Set.of(NodeMutant.IGNORE_FULL_DISK)).start(config(), start);
    assertThat(start.dataDirs).containsExactly(DATA, null);
  }

  @Test
  void killLeavesSlotsForgetsTheProcessInsteadOfKillingIt() throws Exception {
    FakeBackend node = new FakeBackend(); // its kill blocks until released: it must not be called
    NodeBackend served = new MutantDecorator(Set.of(NodeMutant.KILL_LEAVES_SLOTS)).serve(node);
    String victim = served.spawn();
    served.join(victim, List.of("g"));
    CompletableFuture.runAsync(() -> served.kill(victim)).get(5, TimeUnit.SECONDS);
    assertThat(node.members).containsExactly(victim);
    assertThatThrownBy(() -> served.received(victim)).isInstanceOf(IllegalArgumentException.class);
  }
}
