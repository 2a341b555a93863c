package dev.procgroups.bench;

import dev.procgroups.process.ExitReason;
import dev.procgroups.process.ProcessBody;
import dev.procgroups.process.ProcessRuntime;
import dev.procgroups.process.ProcessThreads;
import dev.procgroups.process.RunningProcess;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Spawning a process whose body returns at once, and waiting until it has exited and its exit hook
 * has run. {@code AUTO} runs on virtual threads on JDK 21+ (platform threads on 17), {@code
 * PLATFORM} always on platform threads. JMH's {@code -prof gc} counts the allocation of the
 * benchmark thread and of platform threads, not of virtual threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ProcessSpawnBenchmark {

  private static final ProcessBody RETURN_AT_ONCE = context -> {};
  private static final Runnable NO_OP_HOOK = () -> {};
  private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

  @Param({"AUTO", "PLATFORM"})
  public ProcessThreads threads;

  private ProcessRuntime runtime;

  @Setup(Level.Trial)
  public void start() {
    runtime = ProcessRuntime.builder("bench").incarnation(1).threads(threads).build();
  }

  @TearDown(Level.Trial)
  public void stop() throws InterruptedException {
    runtime.shutdown(EXIT_WAIT);
  }

  @Benchmark
  public ExitReason spawnAndExit() throws InterruptedException {
    RunningProcess process = runtime.spawn(RETURN_AT_ONCE);
    process.onExit(NO_OP_HOOK);
    if (!process.awaitExit(EXIT_WAIT)) {
      throw new IllegalStateException(process + " did not exit");
    }
    return process.exitReason().orElseThrow();
  }
}
