package dev.procgroups.model.checkers;

import static dev.procgroups.model.checkers.BroadcastCheckerTest.assertFlags;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.model.checkers.MonitorEvent.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitorCheckerTest {
  private static final List<MonitorEvent> EVENTS =
      List.of(
          new MonitorEvent(Kind.JOINED, "g", List.of("b")),
          new MonitorEvent(Kind.LEFT, "g", List.of("a")),
          new MonitorEvent(Kind.JOINED, "g", List.of("c", "c")));

  @Test
  void eventsFoldedOverTheSnapshotGiveTheViewIsValid() {
    CheckResult r =
        MonitorChecker.check(List.of(sub(List.of("a"), EVENTS, 0, List.of("c", "b", "c"))));
    assertThat(r.validity()).isEqualTo(Validity.VALID);
    assertThat(r.counts()).containsEntry("folded", 1L).containsEntry("events", 3L);
  }

  @Test
  void flagsDriftWhenAResyncChangedTheViewWithoutEvents() {
    assertFlags(
        MonitorChecker.check(List.of(sub(List.of("a"), EVENTS, 0, List.of("b", "c", "c", "d")))),
        "drift");
  }

  @Test
  void flagsALeaveOfAMemberTheStreamNeverHad() {
    List<MonitorEvent> events = List.of(new MonitorEvent(Kind.LEFT, "g", List.of("z")));
    assertFlags(
        MonitorChecker.check(List.of(sub(List.of("a"), events, 0, null))), "left-non-member");
  }

  @Test
  void flagsEventsOfAnotherGroup() {
    List<MonitorEvent> events = List.of(new MonitorEvent(Kind.JOINED, "h", List.of("b")));
    assertFlags(
        MonitorChecker.check(List.of(sub(List.of(), events, 0, List.of("b")))), "wrong-group");
  }

  @Test
  void declaredDropsAreCountedNotJudged() {
    CheckResult r = MonitorChecker.check(List.of(sub(List.of("a"), List.of(), 5, List.of("x"))));
    assertThat(r.validity()).isEqualTo(Validity.UNKNOWN);
    assertThat(r.counts())
        .containsEntry("dropped-events", 5L)
        .containsEntry("subscriptions-with-drops", 1L);
  }

  @Test
  void theSliceBeforeADropIsFoldedAndCounted() {
    List<MonitorEvent> events =
        List.of(
            new MonitorEvent(Kind.JOINED, "g", List.of("b")),
            new MonitorEvent(Kind.LEFT, "g", List.of("z")));
    CheckResult r =
        MonitorChecker.check(
            List.of(new Subscription(7, "n1", "g", List.of(), events, 3, 1, 0, 42, null, false)));
    assertThat(r.validity()).as("1 of 5 events checked").isEqualTo(Validity.UNKNOWN);
    assertThat(r.checked()).isEqualTo(1);
    assertThat(r.checkable()).isEqualTo(5);
    List<MonitorEvent> bad = List.of(new MonitorEvent(Kind.LEFT, "g", List.of("z")));
    assertFlags(
        MonitorChecker.check(
            List.of(new Subscription(7, "n1", "g", List.of(), bad, 3, 1, 0, 42, null, false))),
        "left-non-member");
  }

  @Test
  void aRunThatFoldedLessThanTheStatedShareIsUnknown() {
    Subscription whole = sub(List.of("a"), EVENTS, 0, List.of("c", "b", "c"));
    Subscription overflowed =
        new Subscription(8, "n1", "g", List.of(), List.of(), 9, 0, 0, 43, null, false);
    assertThat(MonitorChecker.check(List.of(whole, overflowed)).validity())
        .isEqualTo(Validity.UNKNOWN);
    assertThat(MonitorChecker.check(List.of(whole)).coverage()).isEqualTo(1.0);
  }

  @Test
  void theSliceAfterTheLastDropIsUnfoldedFromTheFinalView() {
    List<MonitorEvent> events =
        List.of(
            new MonitorEvent(Kind.JOINED, "g", List.of("b")),
            new MonitorEvent(Kind.LEFT, "g", List.of("x")),
            new MonitorEvent(Kind.JOINED, "g", List.of("c")),
            new MonitorEvent(Kind.LEFT, "g", List.of("c")),
            new MonitorEvent(Kind.JOINED, "g", List.of("d", "d")));
    // Event 0 before the drop, event 1 in the read that declared it, events 2-4 after it.
    CheckResult r =
        MonitorChecker.check(
            List.of(
                new Subscription(
                    7, "n1", "g", List.of(), events, 2, 1, 3, 42, List.of("d", "y", "d"), false)));
    assertThat(r.problems()).isEmpty();
    assertThat(r.counts()).containsEntry("folded-events", 1L).containsEntry("unfolded-events", 3L);
    assertThat(r.checked()).isEqualTo(4);
    assertThat(r.checkable()).isEqualTo(7);
  }

  @Test
  void flagsAJoinAfterTheLastDropThatTheFinalViewLacks() {
    // The stream says d joined twice and never left; the view has one slot of d: a leave is
    // missing from the events (or a join is invented), which folding from the snapshot cannot see
    // past the drop.
    List<MonitorEvent> events =
        List.of(
            new MonitorEvent(Kind.JOINED, "g", List.of("b")),
            new MonitorEvent(Kind.JOINED, "g", List.of("d")),
            new MonitorEvent(Kind.JOINED, "g", List.of("d")));
    assertFlags(
        MonitorChecker.check(
            List.of(
                new Subscription(
                    7, "n1", "g", List.of(), events, 4, 0, 2, 42, List.of("d"), false))),
        "joined-not-in-view");
  }

  @Test
  void aSubscriptionWhoseNodeWasKilledIsFoldedUpToItsEndAndCounted() {
    Subscription ended =
        new Subscription(7, "n1", "g", List.of("a"), EVENTS, 0, 3, 0, 42, null, true);
    CheckResult r = MonitorChecker.check(List.of(ended));
    assertThat(r.validity()).isEqualTo(Validity.VALID);
    assertThat(r.counts()).containsEntry("ended-by-node-kill", 1L);
    assertThat(r.checked()).isEqualTo(3);
  }

  private static Subscription sub(
      List<String> snapshot, List<MonitorEvent> events, long dropped, List<String> view) {
    return new Subscription(
        7,
        "n1",
        "g",
        snapshot,
        events,
        dropped,
        dropped == 0 ? events.size() : 0,
        0,
        42,
        view,
        false);
  }
}
