package dev.procgroups.lua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.process.ExitReason;
import dev.procgroups.process.RunningProcess;
import java.time.Duration;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * LuaJ runs each started coroutine on a thread of its own and, left alone, ends a suspended one's
 * thread only after the garbage collector has found the coroutine unreachable (then within 5 s,
 * {@code LuaThread.thread_orphan_check_interval}). A process's end ends its coroutines' threads at
 * once. The bound below (2 s) is under LuaJ's 5 s check, and nothing here runs a collection: a pass
 * cannot come from the garbage collector.
 */
class CoroutineThreadsTest {
  private static final int COROUTINES = 300;
  private static final Duration PROMPTLY = Duration.ofSeconds(2);
  private static final String SUSPEND_MANY =
      """
      local held = {}
      for i = 1, %d do
        local c = coroutine.create(function() coroutine.yield() end)
        assert(coroutine.resume(c))
        held[i] = c
      end
      print("suspended")
      """
          .formatted(COROUTINES);

  private final LuaNodeFixture node = new LuaNodeFixture();
  private final LuaNode lua = node.builder().build();

  @AfterEach
  void close() {
    node.close();
  }

  @Test
  void killingAProcessEndsItsSuspendedCoroutinesThreads() throws InterruptedException {
    long baseline = settledCoroutineThreads();
    RunningProcess process =
        lua.spawn(new LuaScript("holder", SUSPEND_MANY + "process.listen('never'):receive()"));
    assertThat(await(n -> n >= baseline + COROUTINES, Duration.ofSeconds(10))).isTrue();

    process.kill();
    assertThat(process.awaitExit(Duration.ofSeconds(5))).isTrue();
    assertThat(process.exitReason()).contains(ExitReason.KILLED);
    assertThat(await(n -> n <= baseline, PROMPTLY)).as("coroutine threads left").isTrue();
  }

  @Test
  void aProcessThatReturnsEndsItsSuspendedCoroutinesThreads() throws InterruptedException {
    long baseline = settledCoroutineThreads();
    LuaRunResult result = node.run(SUSPEND_MANY);
    assertThat(result.output()).isEqualTo("suspended\n");
    assertThat(await(n -> n <= baseline, PROMPTLY)).as("coroutine threads left").isTrue();
  }

  @Test
  void aCoroutineLoopingForeverInAKilledProcessStops() throws InterruptedException {
    long baseline = settledCoroutineThreads();
    RunningProcess process =
        lua.spawn(
            new LuaScript(
                "spinner",
                """
        local spin = coroutine.wrap(function()
          while true do pcall(function() while true do end end) end
        end)
        spin()
        """));
    assertThat(await(n -> n >= baseline + 1, Duration.ofSeconds(10))).isTrue();

    process.kill();
    assertThat(process.awaitExit(Duration.ofSeconds(5))).isTrue();
    assertThat(process.exitReason()).contains(ExitReason.KILLED);
    assertThat(await(n -> n <= baseline, PROMPTLY)).as("spinning coroutine thread").isTrue();
  }

  /**
   * The live coroutine threads once those of earlier tests in this JVM have ended (they end
   * asynchronously, slower on a loaded machine: counting them in the baseline and then watching
   * them go made the count never reach baseline + N).
   */
  private static long settledCoroutineThreads() throws InterruptedException {
    await(n -> n == 0, Duration.ofSeconds(10));
    return coroutineThreads();
  }

  /** Whether the number of live coroutine threads satisfies {@code test} within {@code limit}. */
  private static boolean await(LongPredicate test, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!test.test(coroutineThreads())) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  private static long coroutineThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("Coroutine-"))
        .count();
  }
}
