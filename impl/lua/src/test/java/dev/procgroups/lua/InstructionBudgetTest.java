package dev.procgroups.lua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.lua.sandbox.InstructionBudget;
import dev.procgroups.lua.sandbox.ProcessKilledError;
import dev.procgroups.process.ExitReason;
import dev.procgroups.process.RunningProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The instruction hook on real processes: busy loops can be killed (pcall and coroutines cannot
 * shield them) and do not starve other processes. On JDK 21+ the processes are virtual threads,
 * which are never preempted: there the starvation test fails without the hook's pause.
 */
class InstructionBudgetTest {

  private final LuaNodeFixture node = new LuaNodeFixture();
  private final LuaNode lua = node.builder().build();

  @AfterEach
  void close() {
    node.close();
  }

  private void assertKilled(String source) throws InterruptedException {
    RunningProcess busy = lua.spawn(new LuaScript("busy", source));
    Thread.sleep(100);
    assertThat(busy.alive()).isTrue();
    busy.kill();
    assertThat(busy.awaitExit(Duration.ofSeconds(5))).isTrue();
    assertThat(busy.exitReason()).contains(ExitReason.KILLED);
  }

  @Test
  void busyLoopIsKilled() throws InterruptedException {
    assertKilled("while true do end");
  }

  @Test
  void pcallCannotCatchTheKill() throws InterruptedException {
    assertKilled(
        """
        while true do
          pcall(function() while true do end end)
          xpcall(function() while true do end end, function(e) return e end)
        end
        """);
  }

  @Test
  void coroutineCannotHideFromTheKill() throws InterruptedException {
    assertKilled(
        """
        while true do
          coroutine.resume(coroutine.create(function() for i = 1, 1e6 do end end))
        end
        """);
  }

  @Test
  void busyLoopsDoNotStarveAnotherProcess() throws InterruptedException {
    // Twice as many busy loops as carriers (virtual threads) or cores (platform threads).
    List<RunningProcess> busy = new ArrayList<>();
    for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors(); i++) {
      busy.add(lua.spawn(new LuaScript("busy", "while true do end")));
    }
    try {
      Thread.sleep(50);
      LuaRunResult newcomer =
          LuaScripts.run(
              new LuaScript("newcomer", "local s = 0 for i = 1, 1000 do s = s + i end print(s)"),
              node.builder(),
              Duration.ofSeconds(10),
              null);
      assertThat(newcomer.status()).isEqualTo(LuaRunResult.Status.OK);
      assertThat(newcomer.output()).isEqualTo("500500\n");
    } finally {
      busy.forEach(RunningProcess::kill);
    }
    for (RunningProcess p : busy) {
      assertThat(p.awaitExit(Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void aKilledBudgetStopsAtTheNextInstruction() {
    InstructionBudget budget = new InstructionBudget();
    for (int i = 0; i < 3 * InstructionBudget.SLICE; i++) {
      budget.onInstruction(0, null, 0);
    }
    budget.kill();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> budget.onInstruction(0, null, 0))
        .isInstanceOf(ProcessKilledError.class);
  }
}
