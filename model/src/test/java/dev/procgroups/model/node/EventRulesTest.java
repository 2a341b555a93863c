package dev.procgroups.model.node;

import static dev.procgroups.model.node.Fixtures.A;
import static dev.procgroups.model.node.Fixtures.B;
import static dev.procgroups.model.node.Fixtures.R1;
import static dev.procgroups.model.node.Fixtures.R2;
import static dev.procgroups.model.node.Fixtures.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.model.Event;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SEMANTICS.md "Events and subscriptions" and DECISIONS.md "Events". */
class EventRulesTest {

  private final NodeDriver node = Fixtures.node();
  private final long a = node.spawnAndOpen(A, SCOPE);
  private final long b = node.spawnAndOpen(B, SCOPE);

  private List<Event> eventsOf(NodeCall call) {
    return node.apply(call).plainEvents();
  }

  @Test
  void aBatchJoinOfTwoGroupsGivesTwoEventsInFirstAppearanceOrder() {
    assertThat(eventsOf(new NodeCall.Join(a, List.of("b", "a", "b"))))
        .containsExactly(Event.joined("b", List.of(A, A)), Event.joined("a", List.of(A)));
  }

  @Test
  void aBatchLeaveGivesOneEventPerGroupThatLostSlots() {
    node.ok(new NodeCall.Join(a, List.of("x", "x", "y")));
    assertThat(eventsOf(new NodeCall.Leave(a, List.of("none", "y", "x", "x"))))
        .containsExactly(Event.left("y", List.of(A)), Event.left("x", List.of(A, A)));
  }

  @Test
  void exitGivesOneLeftPerGroupWithThePidOncePerSlotInEntryOrder() {
    node.ok(new NodeCall.Join(a, "managers"));
    node.ok(new NodeCall.Join(a, List.of("workers", "workers", "workers")));
    node.ok(new NodeCall.Leave(a, "managers"));
    node.ok(new NodeCall.Join(a, "managers"));
    assertThat(eventsOf(new NodeCall.Exit(A)))
        .containsExactly(
            Event.left("workers", List.of(A, A, A)), Event.left("managers", List.of(A)));
  }

  @Test
  void aDroppedNodeGivesOneLeftPerGroupListingAllItsPids() {
    node.ok(
        new NodeCall.RemoteSync(
            SCOPE, "n2", Map.of("workers", List.of(R1, R2, R1), "managers", List.of(R2))));
    List<Event> events = eventsOf(new NodeCall.RemoteDrop(SCOPE, "n2"));
    assertThat(events)
        .containsExactlyInAnyOrder(
            Event.left("workers", List.of(R1, R2, R1)), Event.left("managers", List.of(R2)));
  }

  @Test
  void aResyncEmitsExactlyTheDifferenceWithMultiplicityAlsoForExistingGroups() {
    node.ok(new NodeCall.Join(a, "workers"));
    Map<String, List<String>> before = new LinkedHashMap<>();
    before.put("workers", List.of(R1, R1));
    before.put("old", List.of(R2));
    node.ok(new NodeCall.RemoteSync(SCOPE, "n2", before));
    Map<String, List<String>> now = new LinkedHashMap<>();
    now.put("workers", List.of(R1, R2));
    now.put("new", List.of(R1));
    assertThat(eventsOf(new NodeCall.RemoteSync(SCOPE, "n2", now)))
        .containsExactly(
            Event.left("workers", List.of(R1)), Event.joined("workers", List.of(R2)),
            Event.left("old", List.of(R2)), Event.joined("new", List.of(R1)));
    assertThat(eventsOf(new NodeCall.RemoteSync(SCOPE, "n2", now))).isEmpty();
  }

  @Test
  void monitorSnapshotAndEventsNeverOverlapNorMiss() {
    node.ok(new NodeCall.Join(a, "g"));
    Monitored monitored = (Monitored) node.ok(new NodeCall.Monitor(b, "g"));
    node.ok(new NodeCall.Join(b, "g"));
    node.ok(new NodeCall.Join(a, "other"));
    assertThat(monitored.members()).containsExactly(A);
    assertThat(Fixtures.drain(node, monitored.subscription()))
        .containsExactly(Event.joined("g", List.of(B)));
  }

  @Test
  void snapshotsShowTheWholeViewRemoteSlotsIncluded() {
    node.ok(new NodeCall.Join(a, "g"));
    node.ok(new NodeCall.RemoteSync(SCOPE, "n2", Map.of("g", List.of(R1), "h", List.of(R2))));
    Monitored monitored = (Monitored) node.ok(new NodeCall.Monitor(b, "g"));
    assertThat(monitored.members()).containsExactlyInAnyOrder(A, R1);
    Watching watching = (Watching) node.ok(new NodeCall.Events(b));
    assertThat(watching.snapshot()).containsOnlyKeys("g", "h");
    assertThat(watching.snapshot().get("h")).containsExactly(R2);
  }

  @Test
  void eventsWatchesEveryGroupOfItsScopeOnly() {
    node.ok(new NodeCall.RegisterScope("app:other", null));
    long other = (Long) node.ok(new NodeCall.Open(A, "app:other"));
    long sub = Fixtures.watchAll(node, a);
    node.ok(new NodeCall.Join(a, "x"));
    node.ok(new NodeCall.Join(other, "x"));
    node.ok(new NodeCall.Join(b, "y"));
    assertThat(Fixtures.drain(node, sub))
        .containsExactly(Event.joined("x", List.of(A)), Event.joined("y", List.of(B)));
  }

  @Test
  void aFullBufferDropsFurtherEventsAndCountsThem() {
    node.ok(new NodeCall.RegisterScope("app:small", Map.of("monitor_buffer", 2)));
    long small = (Long) node.ok(new NodeCall.Open(A, "app:small"));
    long sub = Fixtures.watchAll(node, small);
    for (String group : List.of("a", "b", "c", "d")) {
      Step step = node.apply(new NodeCall.Join(small, group));
      assertThat(step.enqueued().containsKey(sub))
          .isEqualTo(group.equals("a") || group.equals("b"));
    }
    assertThat(node.ok(new NodeCall.Dropped(sub))).isEqualTo(2L);
    assertThat(Fixtures.drain(node, sub)).extracting(Event::group).containsExactly("a", "b");
    node.ok(new NodeCall.Join(small, "e"));
    assertThat(Fixtures.drain(node, sub)).extracting(Event::group).containsExactly("e");
  }

  @Test
  void theDefaultBufferHolds64() {
    long sub = Fixtures.watchAll(node, a);
    for (int i = 0; i < 70; i++) {
      node.ok(new NodeCall.Join(a, "g" + i));
    }
    assertThat(node.ok(new NodeCall.Dropped(sub))).isEqualTo(6L);
    assertThat(Fixtures.drain(node, sub)).hasSize(64);
  }

  @Test
  void receiveGivesEventThenEmptyAndClosedOnlyOnceClosedAndEmpty() {
    long sub = Fixtures.watchAll(node, a);
    assertThat(node.ok(new NodeCall.Receive(sub))).isEqualTo(Read.EMPTY);
    node.ok(new NodeCall.Join(a, "g"));
    node.ok(new NodeCall.Close(sub, false));
    node.ok(new NodeCall.Join(b, "g"));
    assertThat(node.ok(new NodeCall.Receive(sub)))
        .isEqualTo(new Read.Received(Event.joined("g", List.of(A))));
    assertThat(node.ok(new NodeCall.Receive(sub))).isEqualTo(Read.CLOSED);
    assertThat(node.ok(new NodeCall.Receive(sub))).isEqualTo(Read.CLOSED);
  }

  @Test
  void closeWithFlushDiscardsTheBufferAndClosingTwiceIsFine() {
    long sub = Fixtures.watchAll(node, a);
    node.ok(new NodeCall.Join(a, "g"));
    assertThat(node.ok(new NodeCall.Close(sub, true))).isEqualTo(true);
    assertThat(node.ok(new NodeCall.Receive(sub))).isEqualTo(Read.CLOSED);
    assertThat(node.ok(new NodeCall.Close(sub, false))).isEqualTo(true);
    assertThat(node.ok(new NodeCall.Close(sub, true))).isEqualTo(true);
  }

  @Test
  void anEventCarriesTheDocumentedFields() {
    Event event = Event.joined("workers", List.of(A, A));
    assertThat(event.system()).isEqualTo("pg");
    assertThat(event.kind().wireName()).isEqualTo("member.joined");
    assertThat(Event.left("w", List.of(A)).kind().wireName()).isEqualTo("member.left");
    assertThat(event.path()).isEqualTo("workers");
    assertThat(event.data()).isEqualTo(Map.of("Group", "workers", "PIDs", List.of(A, A)));
  }

  @Test
  void eventsAreEmittedEvenWithoutSubscribers() {
    assertThat(node.apply(new NodeCall.Join(a, "g")).events())
        .containsExactly(new ScopedEvent(SCOPE, Event.joined("g", List.of(A))));
  }
}
