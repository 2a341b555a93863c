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
  void aRestartedNodeThatReusesAnIdStartsANewSubscription() {
    spawn(0, "n1", A);
    monitor(0, A, "s1", List.of());
    read(0, "s1", List.of(map("kind", "member.joined", "group", "g", "pids", List.of(A))), null);
    nemesis(PgOps.KILL_NODE, "n1");
    nemesis(PgOps.START_NODE, "n1");
    spawn(1, "n1", C);
    monitor(1, C, "s1", List.of(B));
    read(1, "s1", List.of(), List.of(B));
    List<Subscription> subs = new PgHistory(h.build()).subscriptions();
    assertThat(subs).hasSize(2);
    assertThat(subs.get(0))
        .satisfies(
            old -> {
              assertThat(old.ended()).isTrue();
              assertThat(old.events()).hasSize(1);
              assertThat(old.viewAtRead()).as("the final read was the new one's").isNull();
            });
    assertThat(subs.get(1).ended()).isFalse();
    assertThat(subs.get(1).viewAtRead()).containsExactly(B);
    // Read as one subscription (the id alone), A's join and no leave against a view of B: drift.
    assertThat(MonitorChecker.check(subs).problems()).isEmpty();
  }

  @Test
  void aReadThatGotNoAnswerCountsAsADropAndLaterReadsAreUnfolded() {
    spawn(0, "n1", A);
    monitor(0, A, "s1", List.of());
    read(0, "s1", List.of(map("kind", "member.joined", "group", "g", "pids", List.of(A))), null);
    h.invoke(
        0,
        PgOps.MONITOR_READ,
        map("node", "n1", "subscription", "s1", "group", "g", "final", false),
        now += 5);
    h.info(0, map("node", "n1", "subscription", "s1"), "timeout", now += 5);
    read(0, "s1", List.of(map("kind", "member.joined", "group", "g", "pids", List.of(B))), null);
    read(0, "s1", List.of(), List.of(B, C));
    Subscription s = new PgHistory(h.build()).subscriptions().get(0);
    assertThat(s.dropped()).isEqualTo(1);
    assertThat(s.beforeDrops()).isEqualTo(1);
    assertThat(s.afterDrops()).isEqualTo(1);
    assertThat(MonitorChecker.check(List.of(s)).problems())
        .extracting(Problem::kind)
        .as("B joined after the lost read, the final view (B, C) holds it")
        .isEmpty();
  }

  private void monitor(int process, String pid, String id, List<String> members) {
    call(
        process,
        PgOps.MONITOR,
        map("node", "n1", "pid", pid, "group", "g"),
        map("subscription", id, "members", members));
  }

  /** A read of subscription {@code id} on n1; the final one if {@code view} is not null. */
  private void read(int process, String id, List<?> events, List<String> view) {
    call(
        process,
        PgOps.MONITOR_READ,
        map("node", "n1", "subscription", id, "group", "g", "final", view != null),
        view != null
            ? map("events", events, "dropped", 0L, "view", view, "final", true)
            : map("events", events, "dropped", 0L));
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
  void aClockStepDoesNotEndAFaultFreeWindow() {
    nemesis(PgOps.START_CLOCK, "n1");
    nemesis(PgOps.STOP_CLOCK, "n1");
    nemesis(PgOps.START_LOSS, "20%");
    nemesis(PgOps.STOP_LOSS, "20%");
    assertThat(new PgHistory(h.build()).faultFree())
        .containsExactly(new Window(0, 25, false), new Window(40, 40, true));
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
