package dev.procgroups.jepsen.harness;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The progress line while a run goes: a bar, elapsed / total seconds, calls so far by outcome and
 * the fault in force. Redrawn in place on a terminal, printed every ten seconds otherwise (CI
 * logs).
 */
final class ProgressBar implements AutoCloseable {

  private static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean terminal;
  private final Thread thread;
  private volatile boolean stopped;

  ProgressBar(PrintStream out, long totalNanos, Recorder recorder, Supplier<String> fault) {
    this.out = out;
    this.terminal = System.console() != null;
    this.thread =
        new Thread(
            () -> {
              long every = terminal ? 500 : 10_000;
              while (!stopped) {
                draw(recorder, totalNanos, fault.get());
                try {
                  Thread.sleep(every);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "progress");
    thread.setDaemon(true);
    thread.start();
  }

  private void draw(Recorder recorder, long totalNanos, String fault) {
    long now = Math.min(recorder.now(), totalNanos);
    int filled = (int) (WIDTH * now / Math.max(1, totalNanos));
    long[] t = recorder.tally();
    String line =
        String.format(
            Locale.ROOT,
            "[%s%s] %3ds/%ds  ok %d  fail %d  info %d  nemesis: %s",
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            now / 1_000_000_000L,
            totalNanos / 1_000_000_000L,
            t[0],
            t[1],
            t[2],
            fault);
    if (terminal) {
      out.print("\r" + line + "   ");
    } else {
      out.println(line);
    }
    out.flush();
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    if (terminal) {
      out.println();
    }
  }
}
