package dev.procgroups.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 3: on JDK 21+, 100k idle processes (each parked in receive) fit in a 1 GiB heap. Runs in
 * the surefire execution {@code idle-processes} of impl/pom.xml, which forks with {@code -Xmx1g};
 * skipped on JDK 17, in any JVM with a larger heap (where it would prove nothing) and when {@code
 * -Dtest} names only other tests. Run it with {@code JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
 * ./mvnw -o -pl impl/core test -Dtest=ManyIdleProcessesTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ManyIdleProcessesTest {
  private static final int PROCESSES = 100_000;
  private static final long ONE_GIB = 1L << 30;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void hundredThousandProcessesParkedInReceiveFitInOneGibibyte() throws Exception {
    assumeTrue(requested(), "-Dtest names other tests");
    assumeTrue(ProcessThreads.virtualAvailable(), "virtual threads need JDK 21+");
    assumeTrue(Runtime.getRuntime().maxMemory() <= ONE_GIB, "needs a heap of at most 1 GiB");
    ProcessRuntime runtime = ProcessRuntime.create("idle", 1);
    assertThat(runtime.usesVirtualThreads()).isTrue();
    long heapBefore = usedHeapAfterGc();
    long start = System.nanoTime();

    CountDownLatch exited = new CountDownLatch(PROCESSES);
    AtomicInteger normalExits = new AtomicInteger();
    List<RunningProcess> processes = new ArrayList<>(PROCESSES);
    for (int i = 0; i < PROCESSES; i++) {
      RunningProcess process = runtime.spawn(context -> context.listen("wake").receive());
      process.onExit(
          () -> {
            if (process.exitReason().orElseThrow() == ExitReason.NORMAL) {
              normalExits.incrementAndGet();
            }
            exited.countDown();
          });
      processes.add(process);
    }
    for (RunningProcess process : processes) {
      ChannelTest.awaitWaiting(process.mailbox().listen("wake"));
    }
    long parkedAfter = System.nanoTime() - start;
    long heapParked = usedHeapAfterGc();
    assertThat(runtime.processCount()).isEqualTo(PROCESSES);

    for (RunningProcess process : processes) {
      assertThat(runtime.send(process.pid(), process.pid(), "wake")).isTrue();
    }
    assertThat(exited.await(60, TimeUnit.SECONDS)).isTrue();
    assertThat(normalExits).hasValue(PROCESSES);
    assertThat(runtime.processCount()).isZero();
    assertThat(runtime.shutdown(Duration.ofSeconds(5))).isTrue();

    System.out.printf(
        "%d processes parked in receive after %d ms; heap %d MiB (max %d MiB),"
            + " about %d bytes per process; %s%n",
        PROCESSES,
        TimeUnit.NANOSECONDS.toMillis(parkedAfter),
        heapParked >> 20,
        Runtime.getRuntime().maxMemory() >> 20,
        (heapParked - heapBefore) / PROCESSES,
        Runtime.version());
  }

  /** False when the build was asked for other tests only (-Dtest without this class). */
  private static boolean requested() {
    String tests = System.getProperty("procgroups.requestedTests", "");
    return tests.isEmpty() || tests.startsWith("${") || tests.contains("ManyIdleProcesses");
  }

  private static long usedHeapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
