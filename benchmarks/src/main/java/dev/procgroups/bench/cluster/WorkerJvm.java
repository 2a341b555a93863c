package dev.procgroups.bench.cluster;

import dev.procgroups.daemon.NodeCommand;
import dev.procgroups.transport.atomix.SeedMember;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * A worker node running in its own JVM ({@link WorkerMain}), started with this JVM's java binary,
 * {@code --add-opens} flags and class path, so that {@link #kill} is a real {@code kill -9}.
 * Commands go in on its stdin; answers are read from its stdout by a reader thread.
 */
final class WorkerJvm implements AutoCloseable {

  private static final String EOF = "\u0000eof";

  private final String name;
  private final Process process;
  private final PrintStream in;
  private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

  private WorkerJvm(String name, Process process) {
    this.name = name;
    this.process = process;
    this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readAnswers, name + "-answers");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * How to start the workers.
   *
   * @param seeds the observer first, then the workers
   * @param jvmOptions extra JVM options (e.g. a profiler)
   * @param logDir where each worker's stderr goes, as {@code <name>.log}
   * @param wrap turns worker {@code i}'s java command into the command to run (e.g. inside a
   *     network namespace)
   */
  record Launch(
      List<SeedMember> seeds,
      int concurrency,
      long incarnation,
      List<String> jvmOptions,
      Path logDir,
      BiFunction<Integer, List<String>, List<String>> wrap) {

    /** Workers run as plain child processes. */
    Launch(
        List<SeedMember> seeds,
        int concurrency,
        long incarnation,
        List<String> jvmOptions,
        Path logDir) {
      this(seeds, concurrency, incarnation, jvmOptions, logDir, (index, command) -> command);
    }
  }

  /** Starts worker {@code launch.seeds[index]} and waits until it is up. */
  static WorkerJvm start(Launch launch, int index, Duration timeout) {
    String name = launch.seeds().get(index).name();
    List<String> cmd = new ArrayList<>();
    cmd.add(
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(
            a ->
                a.startsWith("--add-opens")
                    || a.startsWith("--enable-native-access")
                    || a.startsWith("--sun-misc-unsafe-memory-access"))
        .forEach(cmd::add);
    cmd.add("-Xmx2g");
    cmd.addAll(launch.jvmOptions());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(WorkerMain.class.getName());
    cmd.add(name);
    cmd.add(Long.toString(launch.incarnation()));
    cmd.add(Integer.toString(launch.concurrency()));
    launch.seeds().forEach(s -> cmd.add(s.toString()));
    try {
      ProcessBuilder builder =
          new ProcessBuilder(launch.wrap().apply(index, cmd))
              .redirectError(
                  ProcessBuilder.Redirect.appendTo(
                      launch.logDir().resolve(name + ".log").toFile()));
      builder.environment().put(NodeCommand.SECRET_ENV, BenchSecret.HEX);
      BenchTls.prepare(name, builder.environment());
      Process p = builder.start();
      WorkerJvm worker = new WorkerJvm(name, p);
      WorkerJvms.track(worker);
      try {
        worker.await("start", timeout);
      } catch (BenchFailure e) {
        worker.close();
        throw e;
      }
      return worker;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start worker JVM " + name, e);
    }
  }

  String name() {
    return name;
  }

  /** Writes a command; its answer is read with {@link #await}. */
  void send(String command) {
    in.println(command);
  }

  /** The next answer's words after "OK"; fails on an error answer, an exit or a timeout. */
  String[] await(String what, Duration timeout) {
    String answer;
    try {
      answer = answers.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailure(name + ": interrupted waiting for " + what);
    }
    if (answer == null) {
      throw new BenchFailure(name + ": no answer to " + what + " within " + timeout);
    }
    if (answer.equals(EOF)) {
      throw new BenchFailure(name + ": the worker JVM exited during " + what);
    }
    String[] words = answer.split(" ");
    if (!words[0].equals(WorkerProtocol.OK) && !words[0].equals("READY")) {
      throw new BenchFailure(name + ": " + what + " failed: " + answer);
    }
    return words;
  }

  /** {@link #send} then {@link #await}. */
  String[] call(String command, Duration timeout) {
    send(command);
    return await(command, timeout);
  }

  /** {@code kill -9}: the JVM gets no chance to say goodbye. */
  void kill() {
    process.destroyForcibly();
  }

  /** Waits until the JVM has gone, up to {@code timeout}. */
  boolean awaitGone(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Kills the JVM if it still runs. */
  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
      awaitGone(Duration.ofSeconds(10));
    }
    WorkerJvms.untrack(this);
  }

  private void readAnswers() {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(WorkerProtocol.PREFIX)) {
          answers.add(line.substring(WorkerProtocol.PREFIX.length()));
        }
      }
    } catch (IOException e) {
      // the JVM went away: signalled below
    }
    answers.add(EOF);
  }
}
