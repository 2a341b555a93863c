package dev.procgroups.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a Java program embedding nodes relies on: nodes it forgot to close never keep it alive. */
class NodeLifecycleTest {

  private static final long EXIT_LIMIT_SECONDS = 60;

  @Test
  void aProgramThatNeverClosesItsNodesExitsWhenMainReturns() throws Exception {
    Process child = new ProcessBuilder(childCommand()).redirectErrorStream(true).start();
    try {
      boolean exited = child.waitFor(EXIT_LIMIT_SECONDS, TimeUnit.SECONDS);
      String output =
          exited ? new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8) : "";
      assertThat(exited)
          .as("the JVM exited by itself within %d s after main returned", EXIT_LIMIT_SECONDS)
          .isTrue();
      assertThat(output).contains("joined");
      assertThat(child.exitValue()).as(output).isZero();
    } finally {
      child.destroyForcibly().waitFor();
    }
  }

  /** The test's own JVM, class path and module flags, running {@link UnclosedNodesMain}. */
  private static List<String> childCommand() throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(flag -> flag.startsWith("--add-opens") || flag.startsWith("--enable-native-access"))
        .forEach(command::add);
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), UnclosedNodesMain.class.getName()));
    return command;
  }
}
