package dev.procgroups.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs scripts through another runtime's adapter executable (README, "Adapter contract"):
 * {@code ADAPTER --nodes N --suite ROOT [--deny ACTION=RESOURCE]... SCRIPT} prints what the script
 * prints and exits 0 once the script ran to completion, non-zero otherwise.
 */
public final class ExternalAdapter implements ScriptRuntime {

  private final List<String> command;

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

  @Override
  public ScriptOutcome run(Path suiteRoot, ConformanceScript script, int nodes, Duration timeout) {
    List<String> cmd = new ArrayList<>(command);
    cmd.addAll(List.of("--nodes", Integer.toString(nodes), "--suite", suiteRoot.toString()));
    for (ConformanceScript.Denial d : script.denials()) {
      cmd.addAll(List.of("--deny", d.action() + "=" + d.resource()));
    }
    cmd.add(suiteRoot.resolve(script.path()).toString());
    long start = System.nanoTime();
    List<String> output = Collections.synchronizedList(new ArrayList<>());
    try {
      Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      Thread reader = new Thread(() -> readLines(process, output), "adapter-output");
      reader.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        reader.join(1000);
        return new ScriptOutcome(List.copyOf(output), false, "timed out after " + timeout, millis(start));
      }
      reader.join(5000);
      int exit = process.exitValue();
      return new ScriptOutcome(List.copyOf(output), exit == 0,
          exit == 0 ? null : "adapter exited with status " + exit, millis(start));
    } catch (IOException e) {
      return new ScriptOutcome(List.of(), false, "cannot start the adapter: " + e.getMessage(), millis(start));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ScriptOutcome(List.copyOf(output), false, "interrupted", millis(start));
    }
  }

  private static void readLines(Process process, List<String> output) {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        output.add(line);
      }
    } catch (IOException e) {
      output.add("# adapter output ended: " + e.getMessage());
    }
  }

  private static long millis(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
