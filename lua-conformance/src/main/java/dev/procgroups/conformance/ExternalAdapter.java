package dev.procgroups.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs scripts through another runtime's adapter executable (CONTRACT.md, "The adapter"): {@code
 * ADAPTER --capabilities} prints the capabilities it has; {@code ADAPTER --nodes N --suite ROOT
 * [--deny ACTION=RESOURCE]... SCRIPT} prints what the script prints and exits 0 once the script ran
 * to completion, non-zero otherwise.
 */
public final class ExternalAdapter implements ScriptRuntime {

  /** How many of the adapter's last stderr lines a failure shows. */
  static final int STDERR_TAIL = 20;

  private static final Duration DECLARE_TIMEOUT = Duration.ofSeconds(60);

  private final List<String> command;
  private Set<Capability> capabilities;

  public ExternalAdapter(List<String> command) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("the adapter command is empty");
    }
    this.command = List.copyOf(command);
  }

  @Override
  public String name() {
    return String.join(" ", command);
  }

  /**
   * Asks the adapter once ({@code --capabilities}); words it prints that we do not know are
   * ignored.
   */
  @Override
  public synchronized Set<Capability> capabilities() {
    if (capabilities == null) {
      List<String> cmd = new ArrayList<>(command);
      cmd.add("--capabilities");
      ScriptOutcome answer = execute(cmd, DECLARE_TIMEOUT);
      if (!answer.completed()) {
        throw new IllegalStateException(
            "the adapter did not declare its capabilities ("
                + String.join(" ", cmd)
                + "): "
                + answer.failure()
                + "\n"
                + String.join("\n", answer.stderrTail()));
      }
      Set<Capability> declared = EnumSet.noneOf(Capability.class);
      for (String line : answer.output()) {
        for (String word : line.trim().split("[,\\s]+")) {
          Capability.of(word).ifPresent(declared::add);
        }
      }
      capabilities = Collections.unmodifiableSet(declared);
    }
    return capabilities;
  }

  @Override
  public ScriptOutcome run(Path suiteRoot, ConformanceScript script, int nodes, Duration timeout) {
    List<String> cmd = new ArrayList<>(command);
    cmd.addAll(List.of("--nodes", Integer.toString(nodes), "--suite", suiteRoot.toString()));
    for (ConformanceScript.Denial d : script.denials()) {
      cmd.addAll(List.of("--deny", d.action() + "=" + d.resource()));
    }
    cmd.add(suiteRoot.resolve(script.path()).toString());
    return execute(cmd, timeout);
  }

  private static ScriptOutcome execute(List<String> cmd, Duration timeout) {
    long start = System.nanoTime();
    List<String> output = Collections.synchronizedList(new ArrayList<>());
    Deque<String> stderr = new ArrayDeque<>();
    try {
      Process process = new ProcessBuilder(cmd).start();
      process.getOutputStream().close();
      Thread out = reader(process.getInputStream(), output::add, "adapter-stdout");
      Thread err =
          reader(process.getErrorStream(), line -> keepTail(stderr, line), "adapter-stderr");
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        out.join(1000);
        err.join(1000);
        return new ScriptOutcome(
            List.copyOf(output), false, "timed out after " + timeout, tail(stderr), millis(start));
      }
      out.join(5000);
      err.join(5000);
      int exit = process.exitValue();
      return new ScriptOutcome(
          List.copyOf(output),
          exit == 0,
          exit == 0 ? null : "adapter exited with status " + exit,
          tail(stderr),
          millis(start));
    } catch (IOException e) {
      return new ScriptOutcome(
          List.of(),
          false,
          "cannot start the adapter: " + e.getMessage(),
          List.of(),
          millis(start));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ScriptOutcome(
          List.copyOf(output), false, "interrupted", tail(stderr), millis(start));
    }
  }

  private static Thread reader(InputStream stream, Consumer<String> sink, String name) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  sink.accept(line);
                }
              } catch (IOException e) {
                sink.accept("# adapter stream ended: " + e.getMessage());
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void keepTail(Deque<String> lines, String line) {
    synchronized (lines) {
      lines.addLast(line);
      if (lines.size() > STDERR_TAIL) {
        lines.removeFirst();
      }
    }
  }

  private static List<String> tail(Deque<String> lines) {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  private static long millis(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
