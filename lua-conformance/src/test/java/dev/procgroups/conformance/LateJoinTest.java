package dev.procgroups.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remote receiver's join reaches the caller's node later than its "ready" reply (SEMANTICS: other
 * nodes see a join later, and a broadcast goes to the caller node's current view). The suite must
 * not count on that order: here the receiver says ready before it joins, and broadcast_fifo still
 * passes on 3 nodes.
 */
class LateJoinTest {

  @Test
  void broadcastFifoWaitsUntilTheRemoteJoinIsVisible(@TempDir Path root) throws Exception {
    copy(Suite.bundled().root(), root);
    try (InputStream late = getClass().getResourceAsStream("/late-receiver.lua")) {
      Files.copy(late, root.resolve("helpers/receiver.lua"), StandardCopyOption.REPLACE_EXISTING);
    }
    ConformanceScript script =
        Suite.load(root).scripts().stream()
            .filter(s -> s.id().equals("broadcast_fifo"))
            .findFirst()
            .orElseThrow();
    ScriptOutcome outcome;
    try (EmbeddedRuntime runtime = new EmbeddedRuntime()) {
      outcome = runtime.run(root, script, 3, Duration.ofSeconds(20));
    }
    assertThat(outcome.passed())
        .as(String.join("\n", outcome.output()) + "\n" + outcome.failure())
        .isTrue();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
