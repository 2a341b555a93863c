package dev.procgroups.lua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The instruction hook: busy loops can be killed and do not starve other processes. */
class InstructionBudgetTest {

  /** A Lua process on its own (virtual when available) thread, recording how it ended. */
  private static final class Busy {
    final LuaFixture lua = new LuaFixture();
    final AtomicReference<Throwable> ended = new AtomicReference<>();
    final CountDownLatch done = new CountDownLatch(1);
    final Thread thread;

    Busy(String source) {
      thread = LuaThreads.start("busy", () -> {
        try {
          lua.run(source);
        } catch (Throwable t) {
          ended.set(t);
        } finally {
          done.countDown();
        }
      });
    }
  }

  private static void assertKilled(String source) throws InterruptedException {
    Busy busy = new Busy(source);
    Thread.sleep(100);
    busy.lua.budget.kill();
    assertThat(busy.done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(busy.ended.get()).isInstanceOf(ProcessKilledError.class);
  }

  @Test
  void busyLoopIsKilled() throws InterruptedException {
    assertKilled("while true do end");
  }

  @Test
  void pcallCannotCatchTheKill() throws InterruptedException {
    assertKilled("""
        while true do
          pcall(function() while true do end end)
          xpcall(function() while true do end end, function(e) return e end)
        end
        """);
  }

  @Test
  void coroutineCannotHideFromTheKill() throws InterruptedException {
    assertKilled("""
        while true do
          coroutine.resume(coroutine.create(function() for i = 1, 1e6 do end end))
        end
        """);
  }

  @Test
  void busyLoopsDoNotStarveAnotherProcess() throws InterruptedException {
    // Twice as many busy loops as carriers: without the hook's yield, on virtual threads, the
    // newcomer would never get a carrier.
    List<Busy> busy = new ArrayList<>();
    for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors(); i++) {
      busy.add(new Busy("while true do end"));
    }
    try {
      Thread.sleep(50);
      Busy newcomer = new Busy("local s = 0 for i = 1, 1000 do s = s + i end print(s)");
      assertThat(newcomer.done.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(newcomer.ended.get()).isNull();
      assertThat(newcomer.lua.printed()).isEqualTo("500500\n");
    } finally {
      busy.forEach(b -> b.lua.budget.kill());
    }
    for (Busy b : busy) {
      assertThat(b.done.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void normalScriptsRunToTheEnd() {
    LuaFixture lua = new LuaFixture();
    assertThat(lua.eval("local s = 0 for i = 1, 100000 do s = s + i end return s"))
        .isEqualTo("5000050000");
  }
}
