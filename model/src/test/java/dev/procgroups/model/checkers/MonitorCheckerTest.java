package dev.procgroups.model.checkers;

import static dev.procgroups.model.checkers.BroadcastCheckerTest.assertFlags;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.model.checkers.MonitorEvent.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitorCheckerTest {
  private static final List<MonitorEvent> EVENTS = List.of(
      new MonitorEvent(Kind.JOINED, "g", List.of("b")),
      new MonitorEvent(Kind.LEFT, "g", List.of("a")),
      new MonitorEvent(Kind.JOINED, "g", List.of("c", "c")));

  @Test
  void eventsFoldedOverTheSnapshotGiveTheViewIsValid() {
    CheckResult r = MonitorChecker.check(List.of(sub(List.of("a"), EVENTS, 0, List.of("c", "b", "c"))));
    assertThat(r.validity()).isEqualTo(Validity.VALID);
    assertThat(r.counts()).containsEntry("folded", 1L).containsEntry("events", 3L);
  }

  @Test
  void flagsDriftWhenAResyncChangedTheViewWithoutEvents() {
    assertFlags(MonitorChecker.check(List.of(sub(List.of("a"), EVENTS, 0, List.of("b", "c", "c", "d")))), "drift");
  }

  @Test
  void flagsALeaveOfAMemberTheStreamNeverHad() {
    List<MonitorEvent> events = List.of(new MonitorEvent(Kind.LEFT, "g", List.of("z")));
    assertFlags(MonitorChecker.check(List.of(sub(List.of("a"), events, 0, null))), "left-non-member");
  }

  @Test
  void flagsEventsOfAnotherGroup() {
    List<MonitorEvent> events = List.of(new MonitorEvent(Kind.JOINED, "h", List.of("b")));
    assertFlags(MonitorChecker.check(List.of(sub(List.of(), events, 0, List.of("b")))), "wrong-group");
  }

  @Test
  void declaredDropsAreCountedNotJudged() {
    CheckResult r = MonitorChecker.check(List.of(sub(List.of("a"), List.of(), 5, List.of("x"))));
    assertThat(r.validity()).isEqualTo(Validity.UNKNOWN);
    assertThat(r.counts()).containsEntry("dropped-events", 5L).containsEntry("subscriptions-with-drops", 1L);
  }

  private static Subscription sub(List<String> snapshot, List<MonitorEvent> events, long dropped, List<String> view) {
    return new Subscription(7, "n1", "g", snapshot, events, dropped, 42, view);
  }
}
