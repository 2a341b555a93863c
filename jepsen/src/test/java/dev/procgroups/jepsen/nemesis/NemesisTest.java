package dev.procgroups.jepsen.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.jepsen.net.Bandwidth;
import dev.procgroups.jepsen.net.Firewall;
import dev.procgroups.jepsen.net.NamespacedPeer;
import dev.procgroups.jepsen.net.NetNamespace;
import dev.procgroups.jepsen.net.NodeAddress;
import dev.procgroups.jepsen.net.Partitions;
import dev.procgroups.jepsen.net.RootTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pause, kill, restart and partition a real JVM in the namespace, seen from a peer's probes. */
class NemesisTest {

  @Test
  void pauseKillRestartAndPartitionAreSeenByAPeerAndHealAllUndoesThem(@TempDir Path dir)
      throws Exception {
    RootTools.assume();
    List<NodeAddress> nodes = NodeAddress.cluster(2);
    NodeAddress n1 = nodes.get(0);
    NodeAddress n2 = nodes.get(1);
    try (NetNamespace ns = NetNamespace.create("pgj-test", nodes);
        NamespacedPeer prober = new NamespacedPeer(ns, n1)) {
      Firewall firewall = Firewall.install(ns, nodes);
      NodeProcess target =
          new NodeProcess(ns, n2, () -> NamespacedPeer.command(n2), dir.resolve("n2.log"));
      Nemesis nemesis =
          new Nemesis(
              firewall,
              Bandwidth.in(ns),
              java.util.Map.of(),
              List.of(target),
              n -> {},
              victim -> {
                throw new UnsupportedOperationException("no impostor here");
              },
              live -> "not watched");
      target.start();
      try {
        assertThat(reachable(prober, n2)).as("started").isTrue();
        long firstPid = target.pid();

        nemesis.apply(Fault.pause("n2"));
        assertThat(prober.tcp(n2)).as("paused: the kernel accepts, nobody answers").isFalse();
        assertThat(nemesis.whole()).isFalse();
        nemesis.apply(Fault.resume("n2"));
        assertThat(prober.tcp(n2)).as("resumed").isTrue();

        nemesis.apply(Fault.kill("n2"));
        assertThat(target.running()).isFalse();
        assertThat(prober.tcp(n2)).as("killed").isFalse();
        nemesis.apply(Fault.restart("n2"));
        assertThat(reachable(prober, n2)).as("restarted").isTrue();
        assertThat(target.pid()).isNotEqualTo(firstPid);
        assertThat(target.starts()).isEqualTo(2);

        nemesis.apply(new Fault.Cut(Partitions.isolate("n2", List.of("n1", "n2"))));
        assertThat(prober.tcp(n2)).as("isolated").isFalse();
        nemesis.apply(Fault.pause("n2"));
        assertThat(nemesis.healAll()).containsExactly("healed", "resumed n2");
        assertThat(nemesis.whole()).isTrue();
        assertThat(prober.tcp(n2)).as("after healAll").isTrue();
        assertThat(Files.readString(target.log())).contains("--- start 2 of n2", "ready");
      } finally {
        target.kill();
      }
    }
  }

  /** Probes until the peer answers (a fresh JVM needs a moment), at most ~15 s. */
  private static boolean reachable(NamespacedPeer prober, NodeAddress target)
      throws InterruptedException {
    for (int i = 0; i < 30; i++) {
      if (prober.tcp(target)) {
        return true;
      }
      Thread.sleep(500);
    }
    return false;
  }
}
