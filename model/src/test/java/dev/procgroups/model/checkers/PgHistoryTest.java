package dev.procgroups.model.checkers;

import static dev.procgroups.model.history.Values.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.model.history.HistoryBuilder;
import dev.procgroups.model.history.HistoryEdn;
import dev.procgroups.model.history.Keyword;
import dev.procgroups.model.history.OpType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A small recorded run, read back through EDN into each checker's input. */
class PgHistoryTest {
  static final String A = "{n1@app:processes|000001}";
  static final String B = "{n2@app:processes|000001}";
  static final String C = "{n2@app:processes|000002}";

  private final HistoryBuilder h = new HistoryBuilder();
  private long now;

  @Test
  void readsABroadcastRunAndItsFaultFreeWindows() {
    spawn(0, "n1", A);
    spawn(1, "n2", B);
    call(0, PgOps.JOIN, map("node", "n1", "pid", A, "group", "g"), null);
    call(1, PgOps.JOIN, map("node", "n2", "pid", B, "group", "g"), null);
    call(0, PgOps.BROADCAST, map("node", "n1", "pid", A, "group", "g", "message", 1L), null);
    nemesis(PgOps.START_PARTITION, "halves");
    call(0, PgOps.BROADCAST, map("node", "n1", "pid", A, "group", "g", "message", 2L), null);
    nemesis(PgOps.STOP_PARTITION, "healed");
    call(
        0,
        PgOps.RECEIVED,
        map("node", "n1", "pid", A),
        map("messages", List.of(msg(A, 1), msg(A, 2))));
    call(
        1,
        PgOps.RECEIVED,
        map("node", "n2", "pid", B),
        map("messages", List.of(msg(A, 1), msg(A, 1))));
    PgHistory read = new PgHistory(HistoryEdn.read(HistoryEdn.writeLines(h.build())));

    assertThat(read.membership()).hasSize(2).allMatch(o -> o.outcome() == Outcome.OK);
    assertThat(read.sends()).extracting(BroadcastSend::message).containsExactly(1L, 2L);
    assertThat(read.faultFree())
        .containsExactly(new Window(0, 55, false), new Window(80, 100, true));
    CheckResult r = BroadcastChecker.check(read.broadcast());
    assertThat(r.problems()).extracting(Problem::kind).containsExactly("duplicate");
  }

  @Test
  void readsSubscriptionsWithTheirFinalView() {
    spawn(0, "n1", A);
    call(
        0,
        PgOps.MONITOR,
        map("node", "n1", "pid", A, "group", "g"),
        map("subscription", "s1", "members", List.of()));
    call(
        0,
        PgOps.MONITOR_READ,
        map("node", "n1", "subscription", "s1", "group", "g", "final", false),
        map(
            "events",
            List.of(map("kind", "member.joined", "group", "g", "pids", List.of(B))),
            "dropped",
            0L));
    call(
        0,
        PgOps.MONITOR_READ,
        map("node", "n1", "subscription", "s1", "group", "g", "final", true),
        map("events", List.of(), "dropped", 0L, "view", List.of(B, C), "final", true));
    List<Subscription> subs = new PgHistory(h.build()).subscriptions();
    assertThat(subs)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.events()).hasSize(1);
              assertThat(s.viewAtRead()).containsExactly(B, C);
            });
    assertThat(MonitorChecker.check(subs).problems())
        .extracting(Problem::kind)
        .containsExactly("drift");
  }

  @Test
  void nestedFaultsKeepTheWindowClosedUntilTheLastIsUndone() {
    nemesis(PgOps.PAUSE_NODE, "n1");
    nemesis(PgOps.START_PARTITION, "halves");
    nemesis(PgOps.STOP_PARTITION, "healed");
    nemesis(PgOps.START_LOSS, "20%");
    nemesis(PgOps.STOP_LOSS, "20%");
    nemesis(PgOps.RESUME_NODE, "n1");
    assertThat(new PgHistory(h.build()).faultFree())
        .extracting(Window::last)
        .containsExactly(false, true);
  }

  @Test
  void aKilledNodeTakesItsProcessesAndAnUnansweredKillLeavesOneUncertain() {
    spawn(0, "n1", A);
    spawn(1, "n2", B);
    spawn(1, "n2", C);
    h.invoke(0, PgOps.KILL_PROCESS, map("node", "n1", "pid", A), now++);
    h.info(0, map("node", "n1", "pid", A), "timeout", now++);
    nemesis(PgOps.KILL_NODE, "n2");
    PgHistory.Lives lives = new PgHistory(h.build()).lives();
    assertThat(lives.dead()).containsExactlyInAnyOrder(B, C);
    assertThat(lives.uncertain()).containsExactly(A);
    assertThat(lives.live()).isEmpty();
  }

  private void spawn(int process, String node, String pid) {
    call(process, PgOps.SPAWN, map("node", node), map("pid", pid));
  }

  /** An ok call; the completion's value is the invocation's plus {@code results}. */
  private void call(
      int process,
      Keyword f,
      java.util.Map<Keyword, Object> args,
      java.util.Map<Keyword, Object> results) {
    h.invoke(process, f, args, now += 5);
    java.util.Map<Keyword, Object> value = new java.util.LinkedHashMap<>(args);
    if (results != null) {
      value.putAll(results);
    }
    h.ok(process, value, now += 5);
  }

  private void nemesis(Keyword f, String value) {
    h.nemesis(OpType.INFO, f, value, now += 5);
    h.nemesis(OpType.INFO, f, value, now += 5);
  }

  private static Object msg(String from, long message) {
    return map("from", from, "message", message);
  }
}
