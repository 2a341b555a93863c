package dev.procgroups.jepsen.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.cli.JavaCommand;
import dev.procgroups.daemon.NodeCommand;
import dev.procgroups.jepsen.control.ControlClient;
import dev.procgroups.transport.atomix.FreePorts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code procgroups mutant-node} in a child JVM, as the Jepsen harness starts it: an unknown name
 * is refused in one line before anything starts, and a mutant node is the daemon with its planted
 * bugs around it, seen through the control endpoint.
 */
@Timeout(120)
class MutantNodeCommandTest {

  private static final String TOKEN = "0123456789abcdef0123";
  private static final String SECRET =
      HexFormat.of()
          .formatHex("a secret of 32 bytes, not weak!!".getBytes(StandardCharsets.US_ASCII));

  @Test
  void anUnknownMutationIsRefusedInOneLineBeforeAnythingStarts(@TempDir Path dir) throws Exception {
    Process child = start(List.of("DOUBLE_BROADCATS"), dir);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("stopped by itself").isTrue();
    assertThat(child.exitValue()).isEqualTo(2);
    assertThat(Files.readAllLines(dir.resolve("stderr")))
        .singleElement()
        .asString()
        .startsWith("procgroups mutant-node: no planted bug named \"DOUBLE_BROADCATS\"")
        .contains("DOUBLE_BROADCAST", "STALE_READS");
    assertThat(new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aMutantNodeIsTheDaemonWithItsPlantedBugsAround(@TempDir Path dir) throws Exception {
    int control = FreePorts.next();
    Process child =
        start(
            List.of("KILL_LEAVES_SLOTS", "HIDE_MONITOR_EVENTS"),
            dir,
            "--name",
            "m1",
            "--bind",
            "127.0.0.1:" + FreePorts.next(),
            "--control",
            "127.0.0.1:" + control,
            "--plaintext");
    try {
      BufferedReader stdout =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String ready =
          CompletableFuture.supplyAsync(() -> readLine(stdout)).get(90, TimeUnit.SECONDS);
      assertThat(ready)
          .as("stderr: " + Files.readString(dir.resolve("stderr")))
          .contains("procgroups node m1 ready");
      ControlClient client =
          new ControlClient(
              ControlClient.newHttpClient(),
              URI.create("http://127.0.0.1:" + control),
              TOKEN,
              Duration.ofSeconds(10));

      String victim = client.spawn();
      String watcher = client.spawn();
      client.join(victim, List.of("g"));
      client.kill(victim);
      assertThat(client.getMembers(watcher, "g"))
          .as("KILL_LEAVES_SLOTS: the killed process's slot stays")
          .containsExactly(victim);

      String subscription = client.monitor(watcher, "h").subscription();
      for (int i = 0; i < 2; i++) {
        client.join(watcher, List.of("h"));
        client.leave(watcher, List.of("h"));
      }
      assertThat(client.readMonitor(subscription).events())
          .as("HIDE_MONITOR_EVENTS: every second member.left is hidden")
          .extracting(e -> e.kind())
          .containsExactly("member.joined", "member.left", "member.joined");
    } finally {
      child.destroy();
      child.waitFor(30, TimeUnit.SECONDS);
      child.destroyForcibly();
    }
  }

  /** {@code procgroups mutant-node --mutation MUTATIONS -- NODE_OPTIONS}, stderr to a file. */
  private static Process start(List<String> mutations, Path dir, String... nodeOptions)
      throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(MutantNodeCommand.NAME, "--mutation", String.join(",", mutations), "--"));
    args.addAll(List.of(nodeOptions));
    ProcessBuilder builder =
        new ProcessBuilder(JavaCommand.procgroups(List.of(), args))
            .redirectError(dir.resolve("stderr").toFile());
    builder.environment().put(NodeCommand.TOKEN_ENV, TOKEN);
    builder.environment().put(NodeCommand.SECRET_ENV, SECRET);
    Process child = builder.start();
    child.getOutputStream().close();
    return child;
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
