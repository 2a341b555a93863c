package dev.procgroups.transport.atomix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A {@link ChildNodeMain} process started by a test; killed with SIGKILL to simulate a crash. */
final class ChildNode implements AutoCloseable {

  private final Process process;
  private final String firstLine;

  private ChildNode(Process process, String firstLine) {
    this.process = process;
    this.firstLine = firstLine;
  }

  /** Starts the child with the test class path and these JVM options; waits for its first line. */
  static ChildNode start(List<String> jvmOptions, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), ChildNodeMain.class.getName()));
    command.addAll(args);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.PIPE)
            .start();
    CompletableFuture<String> line = new CompletableFuture<>();
    Thread reader = new Thread(() -> readOutput(process, line), "child-node-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new ChildNode(process, line.get(30, TimeUnit.SECONDS));
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("child node printed nothing", e);
    }
  }

  /** Hands over the first line, then drains the rest so the child never blocks on a full pipe. */
  private static void readOutput(Process process, CompletableFuture<String> firstLine) {
    try (BufferedReader output =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      firstLine.complete(String.valueOf(output.readLine()));
      while (output.readLine() != null) {
        // discard
      }
    } catch (IOException e) {
      firstLine.complete("FAILED " + e);
    }
  }

  String firstLine() {
    return firstLine;
  }

  /** SIGKILL: no farewell, no clean stop, sockets closed by the kernel. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new AssertionError("child node survived SIGKILL");
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
