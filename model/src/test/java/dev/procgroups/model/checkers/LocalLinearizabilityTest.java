package dev.procgroups.model.checkers;

import static dev.procgroups.model.history.Values.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.model.history.HistoryBuilder;
import dev.procgroups.model.history.Keyword;
import dev.procgroups.model.history.OpType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Local calls of one node against the single-node model, through the slot checker. */
class LocalLinearizabilityTest {
  private static final String A = "{n1@app:processes|000001}";
  private static final String B = "{n1@app:processes|000002}";
  private static final String C = "{n1@app:processes|000003}";

  private final HistoryBuilder h = new HistoryBuilder();
  private long now;

  @Test
  void joinsLeavesReadsAndAKillThatAgreeAreLinearizable() {
    ok(PgOps.SPAWN, map("node", "n1"), map("pid", A));
    ok(PgOps.SPAWN, map("node", "n1"), map("pid", B));
    ok(PgOps.JOIN, slot(A), Map.of());
    ok(PgOps.JOIN, slot(B), Map.of());
    ok(PgOps.GET_LOCAL_MEMBERS, slot(A), map("members", List.of(A, B)));
    ok(PgOps.KILL_PROCESS, map("node", "n1", "pid", B), Map.of());
    ok(PgOps.GET_LOCAL_MEMBERS, slot(A), map("members", List.of(A)));
    CheckResult r = LocalLinearizability.check(h.build());
    assertThat(r.validity()).isEqualTo(Validity.VALID);
    assertThat(r.counts()).containsEntry("nodes", 1L).containsEntry("calls", 5L)
        .containsEntry("calls-left-out", 0L);
  }

  @Test
  void aKilledProcessIsCheckedUpToItsExit() {
    ok(PgOps.SPAWN, map("node", "n1"), map("pid", A));
    ok(PgOps.SPAWN, map("node", "n1"), map("pid", B));
    ok(PgOps.JOIN, slot(B), Map.of());
    ok(PgOps.KILL_PROCESS, map("node", "n1", "pid", B), Map.of());
    ok(PgOps.GET_LOCAL_MEMBERS, slot(A), map("members", List.of(B)));
    CheckResult r = LocalLinearizability.check(h.build());
    assertThat(r.validity()).isEqualTo(Validity.INVALID);
  }

  @Test
  void aNodeKillEndsEveryProcessSpawnedThereBeforeIt() {
    ok(PgOps.SPAWN, map("node", "n1"), map("pid", A));
    ok(PgOps.JOIN, slot(A), Map.of());
    h.nemesis(OpType.INFO, PgOps.KILL_NODE, "n1", now += 5);
    h.nemesis(OpType.INFO, PgOps.KILL_NODE, "n1", now += 5);
    ok(PgOps.SPAWN, map("node", "n1"), map("pid", C));
    ok(PgOps.JOIN, slot(C), Map.of());
    ok(PgOps.GET_LOCAL_MEMBERS, slot(C), map("members", List.of(C)));
    assertThat(LocalLinearizability.check(h.build()).counts()).containsEntry("exits", 1L);
    assertThat(LocalLinearizability.check(h.build()).validity()).isEqualTo(Validity.VALID);
    ok(PgOps.GET_LOCAL_MEMBERS, slot(C), map("members", List.of(A, C)));
    assertThat(LocalLinearizability.check(h.build()).validity()).isEqualTo(Validity.INVALID);
  }

  @Test
  void aProcessWhoseKillCrashedIsLeftOutAndCounted() {
    ok(PgOps.SPAWN, map("node", "n1"), map("pid", A));
    ok(PgOps.SPAWN, map("node", "n1"), map("pid", B));
    ok(PgOps.JOIN, slot(B), Map.of());
    h.invoke(0, PgOps.KILL_PROCESS, map("node", "n1", "pid", B), now += 5);
    h.info(0, null, null, now += 5);
    ok(PgOps.GET_LOCAL_MEMBERS, slot(A), map("members", List.of(B)));
    ok(PgOps.GET_LOCAL_MEMBERS, slot(A), map("members", List.of()));
    CheckResult r = LocalLinearizability.check(h.build());
    assertThat(r.validity()).isEqualTo(Validity.VALID);
    assertThat(r.counts()).containsEntry("calls-left-out", 1L).containsEntry("calls", 2L);
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
