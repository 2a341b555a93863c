package dev.procgroups.model.node;

import static dev.procgroups.model.node.Fixtures.A;
import static dev.procgroups.model.node.Fixtures.R1;
import static dev.procgroups.model.node.Fixtures.R2;
import static dev.procgroups.model.node.Fixtures.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procgroups.model.ErrorKind;
import dev.procgroups.model.Event;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replicated slots of other nodes: sync (replace), deltas, drop. */
class RemoteSlotsTest {

  private final NodeDriver node = Fixtures.node();
  private final long a = node.spawnAndOpen(A, SCOPE);

  private static Map<String, List<String>> slots(Object... groupThenPids) {
    Map<String, List<String>> slots = new LinkedHashMap<>();
    for (int i = 0; i < groupThenPids.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<String> pids = (List<String>) groupThenPids[i + 1];
      slots.put((String) groupThenPids[i], pids);
    }
    return slots;
  }

  @Test
  void aSyncReplacesEverythingOfThatOriginOnly() {
    node.ok(new NodeCall.Join(a, "g"));
    node.ok(new NodeCall.RemoteSync(SCOPE, "n2", slots("g", List.of(R1))));
    node.ok(new NodeCall.RemoteSync(SCOPE, "n3", slots("g", List.of(R2))));
    node.ok(new NodeCall.RemoteSync(SCOPE, "n2", slots("h", List.of(R1))));
    assertThat(node.state().members(SCOPE, "g")).containsExactly(A, R2);
    assertThat(node.state().members(SCOPE, "h")).containsExactly(R1);
    assertThat(node.state().scope(SCOPE).remoteSlots("n2")).isEqualTo(slots("h", List.of(R1)));
  }

  @Test
  void aSyncWithEmptyListsCreatesNoGroup() {
    Step step = node.apply(new NodeCall.RemoteSync(SCOPE, "n2", slots("g", List.of())));
    assertThat(step.events()).isEmpty();
    assertThat(node.state().view(SCOPE)).isEmpty();
  }

  @Test
  void deltasAddAndRemoveSlotsInOrderWithOneEventPerGroup() {
    Step join =
        node.apply(
            new NodeCall.RemoteDelta(
                SCOPE, "n2", Direction.JOIN, slots("g", List.of(R1, R1), "h", List.of(R2))));
    assertThat(join.plainEvents())
        .containsExactly(Event.joined("g", List.of(R1, R1)), Event.joined("h", List.of(R2)));
    Step leave =
        node.apply(
            new NodeCall.RemoteDelta(
                SCOPE, "n2", Direction.LEAVE, slots("h", List.of(R2), "g", List.of(R1))));
    assertThat(leave.plainEvents())
        .containsExactly(Event.left("h", List.of(R2)), Event.left("g", List.of(R1)));
    assertThat(node.state().view(SCOPE)).isEqualTo(slots("g", List.of(R1)));
  }

  @Test
  void aLeaveDeltaOfAnUnknownSlotRemovesNothingForIt() {
    node.ok(new NodeCall.RemoteSync(SCOPE, "n2", slots("g", List.of(R1))));
    Step step =
        node.apply(
            new NodeCall.RemoteDelta(
                SCOPE, "n2", Direction.LEAVE, slots("g", List.of(R2, R1), "x", List.of(R1))));
    assertThat(step.plainEvents()).containsExactly(Event.left("g", List.of(R1)));
    assertThat(node.state().view(SCOPE)).isEmpty();
  }

  @Test
  void aDropRemovesAllOfTheOriginsSlots() {
    node.ok(new NodeCall.Join(a, "g"));
    node.ok(new NodeCall.RemoteSync(SCOPE, "n2", slots("g", List.of(R1), "h", List.of(R1))));
    node.ok(new NodeCall.RemoteDrop(SCOPE, "n2"));
    assertThat(node.state().view(SCOPE)).isEqualTo(slots("g", List.of(A)));
    assertThat(node.apply(new NodeCall.RemoteDrop(SCOPE, "n2")).events()).isEmpty();
  }

  @Test
  void remoteChangesNeedARunningScopeAndAnotherOrigin() {
    assertThat(node.call(new NodeCall.RemoteDrop("app:missing", "n2")).errorKind())
        .isEqualTo(ErrorKind.NOT_FOUND);
    assertThatThrownBy(() -> node.call(new NodeCall.RemoteDrop(SCOPE, "n1")))
        .isInstanceOf(IllegalArgumentException.class);
    node.ok(new NodeCall.StopScope(SCOPE));
    assertThat(node.call(new NodeCall.RemoteSync(SCOPE, "n2", slots("g", List.of(R1)))).errorKind())
        .isEqualTo(ErrorKind.UNAVAILABLE);
  }
}
