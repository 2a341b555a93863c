package dev.procgroups.model.checkers;

import static dev.procgroups.model.history.Values.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.model.history.HistoryBuilder;
import dev.procgroups.model.history.Keyword;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Local calls of one node against the single-node model, through the slot checker. */
class LocalLinearizabilityTest {
  private static final String A = "{n1@app:processes|000001}";
  private static final String B = "{n1@app:processes|000002}";

  private final HistoryBuilder h = new HistoryBuilder();
  private long now;

  @Test
  void joinsLeavesReadsAndAKillThatAgreeAreLinearizableAndAllChecked() {
    ok(PgOps.SPAWN, map("node", "n1"), map("pid", A));
    ok(PgOps.SPAWN, map("node", "n1"), map("pid", B));
    ok(PgOps.JOIN, slot(A), Map.of());
    ok(PgOps.JOIN, slot(B), Map.of());
    ok(PgOps.GET_LOCAL_MEMBERS, slot(A), map("members", List.of(A, B)));
    ok(PgOps.KILL_PROCESS, map("node", "n1", "pid", B), Map.of());
    ok(PgOps.GET_LOCAL_MEMBERS, slot(A), map("members", List.of(A)));
    CheckResult r = LocalLinearizability.check(h.build());
    assertThat(r.validity()).isEqualTo(Validity.VALID);
    assertThat(r.counts())
        .containsEntry("incarnations", 1L)
        .containsEntry("killed-processes-modelled", 1L);
    assertThat(r.checked()).isEqualTo(r.checkable()).isEqualTo(4);
  }

  @Test
  void flagsAKilledProcessWhoseSlotSurvivesTheKill() {
    ok(PgOps.SPAWN, map("node", "n1"), map("pid", A));
    ok(PgOps.SPAWN, map("node", "n1"), map("pid", B));
    ok(PgOps.JOIN, slot(B), Map.of());
    ok(PgOps.KILL_PROCESS, map("node", "n1", "pid", B), Map.of());
    ok(PgOps.GET_LOCAL_MEMBERS, slot(A), map("members", List.of(B)));
    assertThat(LocalLinearizability.check(h.build()).problems())
        .extracting(Problem::kind)
        .containsExactly("not-linearizable");
  }

  @Test
  void aRestartedNodeIsANewHistoryAndAProcessWithAnUnansweredKillIsLeftOut() {
    ok(PgOps.SPAWN, map("node", "n1"), map("pid", A));
    ok(PgOps.JOIN, slot(A), Map.of());
    h.nemesis(dev.procgroups.model.history.OpType.INFO, PgOps.KILL_NODE, "n1", now += 5);
    h.nemesis(dev.procgroups.model.history.OpType.INFO, PgOps.KILL_NODE, "n1", now += 5);
    ok(PgOps.SPAWN, map("node", "n1"), map("pid", B));
    ok(PgOps.JOIN, slot(B), Map.of());
    h.invoke(0, PgOps.KILL_PROCESS, map("node", "n1", "pid", B), now += 5);
    h.info(0, map("node", "n1", "pid", B), "timeout", now += 5);
    ok(PgOps.GET_LOCAL_MEMBERS, slot(B), map("members", List.of()));
    CheckResult r = LocalLinearizability.check(h.build());
    assertThat(r.validity())
        .as("1 of 3 local calls (B's join) is left out: %s", r.summary())
        .isEqualTo(Validity.UNKNOWN);
    assertThat(r.counts()).containsEntry("incarnations", 2L).containsEntry("left-out-calls", 1L);
  }

  @Test
  void flagsAReadThatLostALiveProcesssSlot() {
    ok(PgOps.SPAWN, map("node", "n1"), map("pid", A));
    ok(PgOps.JOIN, slot(A), Map.of());
    ok(PgOps.GET_LOCAL_MEMBERS, slot(A), map("members", List.of()));
    CheckResult r = LocalLinearizability.check(h.build());
    assertThat(r.validity()).isEqualTo(Validity.INVALID);
    assertThat(r.problems()).extracting(Problem::kind).containsExactly("not-linearizable");
  }

  @Test
  void aPidReusedByTheNextIncarnationIsAnotherProcess() {
    ok(PgOps.SPAWN, map("node", "n1"), map("pid", A));
    ok(PgOps.JOIN, slot(A), Map.of());
    ok(PgOps.KILL_PROCESS, map("node", "n1", "pid", A), Map.of());
    h.nemesis(dev.procgroups.model.history.OpType.INFO, PgOps.KILL_NODE, "n1", now += 5);
    h.nemesis(dev.procgroups.model.history.OpType.INFO, PgOps.KILL_NODE, "n1", now += 5);
    ok(PgOps.SPAWN, map("node", "n1"), map("pid", A));
    ok(PgOps.JOIN, slot(A), Map.of());
    ok(PgOps.GET_LOCAL_MEMBERS, slot(A), map("members", List.of(A)));
    CheckResult r = LocalLinearizability.check(h.build());
    assertThat(r.validity()).as(r.summary()).isEqualTo(Validity.VALID);
    assertThat(r.counts())
        .containsEntry("incarnations", 2L)
        .containsEntry("killed-processes-modelled", 1L);
  }

  private static Map<Keyword, Object> slot(String pid) {
    return map("node", "n1", "pid", pid, "group", "g");
  }

  private void ok(Keyword f, Map<Keyword, Object> args, Map<Keyword, Object> results) {
    h.invoke(0, f, args, now += 5);
    Map<Keyword, Object> value = new java.util.LinkedHashMap<>(args);
    value.putAll(results);
    h.ok(0, value, now += 5);
  }
}
