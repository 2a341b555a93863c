package dev.procgroups.jepsen.nemesis;

import dev.procgroups.jepsen.net.NetNamespace;
import dev.procgroups.jepsen.net.NodeAddress;
import dev.procgroups.jepsen.net.Shell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One node's JVM inside the namespace, under the node's group id (so the firewall can tag its
 * connections), with stdout and stderr appended to its log across restarts. The nemesis kills it
 * with SIGKILL, pauses it with SIGSTOP / SIGCONT, and starts it again: the node itself picks its
 * new incarnation (from its data directory, see {@code procgroups node --data-dir}).
 */
public final class NodeProcess {

  private final NetNamespace ns;
  private final NodeAddress node;
  private final Supplier<List<String>> command;
  private final Path log;
  private final Map<String, String> environment;
  private Process process;
  private boolean paused;
  private int starts;
  private long lastStartMillis;
  private Path clock;

  /**
   * How far before its previous start a restart with the clock stepped back sets the node's clock.
   */
  static final long CLOCK_BEHIND_LAST_START_SECONDS = 60;

  /** {@code command} gives the command line of each start. */
  public NodeProcess(NetNamespace ns, NodeAddress node, Supplier<List<String>> command, Path log) {
    this(ns, node, command, log, Map.of());
  }

  /** As above, with extra environment variables (the control token: never on a command line). */
  public NodeProcess(
      NetNamespace ns,
      NodeAddress node,
      Supplier<List<String>> command,
      Path log,
      Map<String, String> environment) {
    this.ns = ns;
    this.node = node;
    this.command = command;
    this.log = log;
    this.environment = Map.copyOf(environment);
  }

  /** libfaketime, multi-threaded build: the single-threaded one hangs a JVM at start. */
  public static final Path LIBFAKETIME =
      Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1");

  /**
   * Runs the JVM under libfaketime with its wall-clock offset read from {@code file} at every call
   * (the monotonic clock stays real), so {@link #setClockOffset} can make it jump. Call before
   * {@link #start()}.
   */
  public synchronized NodeProcess withFakeClock(Path file) {
    clock = file;
    setClockOffset(0);
    return this;
  }

  /** Sets the wall clock {@code seconds} off real time (needs {@link #withFakeClock}). */
  public synchronized void setClockOffset(long seconds) {
    if (clock == null) {
      throw new IllegalStateException(node.name() + " runs without a fake clock");
    }
    try {
      Files.writeString(clock, (seconds < 0 ? "" : "+") + seconds + "s\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set " + node.name() + "'s clock", e);
    }
  }

  public NodeAddress node() {
    return node;
  }

  public Path log() {
    return log;
  }

  /** Starts the JVM (again, if it was killed). */
  public synchronized void start() {
    start("");
  }

  /**
   * Starts the killed JVM with its wall clock stepped back to before its previous start (as a
   * machine without a clock battery, or restored from an old image, boots): a node that took its
   * incarnation from the clock alone would take a smaller one and be locked out. Returns how many
   * seconds back; the clock stays there until {@link #setClockOffset}{@code (0)} (NTP catching up).
   * Needs {@link #withFakeClock}.
   */
  public synchronized long startWithClockBack() {
    long back =
        (System.currentTimeMillis() - lastStartMillis) / 1000 + CLOCK_BEHIND_LAST_START_SECONDS;
    setClockOffset(-back);
    start(" (wall clock " + back + " s back)");
    return back;
  }

  private void start(String note) {
    if (running()) {
      throw new IllegalStateException(node.name() + " is already running");
    }
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      Files.writeString(
          log,
          "--- start " + (++starts) + " of " + node.name() + note + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      lastStartMillis = System.currentTimeMillis();
      ProcessBuilder builder = new ProcessBuilder(ns.command(node.runAs(command.get())));
      environment.forEach(builder.environment()::put);
      if (clock != null) {
        builder
            .environment()
            .putAll(
                Map.of(
                    "LD_PRELOAD",
                    LIBFAKETIME.toString(),
                    "FAKETIME_TIMESTAMP_FILE",
                    clock.toAbsolutePath().toString(),
                    "FAKETIME_NO_CACHE",
                    "1",
                    "DONT_FAKE_MONOTONIC",
                    "1",
                    "FAKETIME_FORCE_MONOTONIC_FIX",
                    "0"));
      }
      process =
          builder
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      paused = false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + node.name(), e);
    }
  }

  public synchronized boolean running() {
    return process != null && process.isAlive();
  }

  /** The exit code of the JVM that ended, or -1 while it runs (or never started). */
  public synchronized int exitCode() {
    return process == null || process.isAlive() ? -1 : process.exitValue();
  }

  public synchronized boolean paused() {
    return paused && running();
  }

  /** How many times this node has been started. */
  public synchronized int starts() {
    return starts;
  }

  /** The OS process id of the current JVM (ip netns exec and setpriv exec into it). */
  public synchronized long pid() {
    if (process == null) {
      throw new IllegalStateException(node.name() + " never started");
    }
    return process.pid();
  }

  /** kill -9, and waits until it is gone. */
  public synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      paused = false;
    }
  }

  /** SIGSTOP: the JVM stays but answers nothing, as if it hung. */
  public synchronized void pause() {
    if (running()) {
      signal("STOP");
      paused = true;
    }
  }

  /** SIGCONT after {@link #pause()}. */
  public synchronized void resume() {
    if (running() && paused) {
      signal("CONT");
      paused = false;
    }
  }

  private void signal(String signal) {
    Shell.run("kill", "-s", signal, Long.toString(process.pid())).orThrow();
  }
}
