package dev.procgroups.model.node;

import static dev.procgroups.model.node.Fixtures.A;
import static dev.procgroups.model.node.Fixtures.B;
import static dev.procgroups.model.node.Fixtures.R1;
import static dev.procgroups.model.node.Fixtures.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.model.ErrorKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SEMANTICS.md "Membership" and DECISIONS.md "Multi-join order". */
class MembershipRulesTest {

  private final NodeDriver node = Fixtures.node();
  private final long a = node.spawnAndOpen(A, SCOPE);
  private final long b = node.spawnAndOpen(B, SCOPE);

  private List<String> members(String group) {
    @SuppressWarnings("unchecked")
    List<String> members = (List<String>) node.ok(new NodeCall.GetMembers(a, group));
    return members;
  }

  @Test
  void joinAndLeaveActOnTheCallingProcessOnly() {
    node.ok(new NodeCall.Join(a, "g"));
    node.ok(new NodeCall.Join(b, "g"));
    node.ok(new NodeCall.Leave(b, "g"));
    assertThat(members("g")).containsExactly(A);
    assertThat(node.call(new NodeCall.Leave(b, "g")).errorKind()).isEqualTo(ErrorKind.INVALID);
  }

  @Test
  void everyJoinAddsASlotAndMembersListAPidOncePerSlotInJoinOrder() {
    node.ok(new NodeCall.Join(a, "g"));
    node.ok(new NodeCall.Join(b, "g"));
    node.ok(new NodeCall.Join(a, "g"));
    assertThat(members("g")).containsExactly(A, B, A);
    assertThat(node.ok(new NodeCall.GetLocalMembers(b, "g"))).isEqualTo(List.of(A, B, A));
  }

  @Test
  void leaveRemovesTheMostRecentSlot() {
    node.ok(new NodeCall.Join(a, "g"));
    node.ok(new NodeCall.Join(b, "g"));
    node.ok(new NodeCall.Join(a, "g"));
    node.ok(new NodeCall.Leave(a, "g"));
    assertThat(members("g")).containsExactly(A, B);
  }

  @Test
  void aBatchJoinMayRepeatANameAndAddsOneSlotPerElement() {
    node.ok(new NodeCall.Join(a, List.of("a", "b", "a")));
    assertThat(members("a")).containsExactly(A, A);
    assertThat(members("b")).containsExactly(A);
    assertThat(node.state().scope(SCOPE).local())
        .containsExactly(new Slot(A, "a"), new Slot(A, "b"), new Slot(A, "a"));
  }

  @Test
  void aBatchLeaveRemovesOneSlotPerElementWhereThereIsOne() {
    node.ok(new NodeCall.Join(a, List.of("a", "a", "a", "b")));
    node.ok(new NodeCall.Leave(a, List.of("a", "a", "c", "b", "b")));
    assertThat(members("a")).containsExactly(A);
    assertThat(members("b")).isEmpty();
  }

  @Test
  void aBatchLeaveFailsOnlyIfItRemovedNothing() {
    node.ok(new NodeCall.Join(a, "x"));
    assertThat(node.call(new NodeCall.Leave(a, List.of("y", "z"))).errorKind())
        .isEqualTo(ErrorKind.INVALID);
    assertThat(node.call(new NodeCall.Leave(a, List.of("y", "x"))).isOk()).isTrue();
  }

  @Test
  void emptyGroupsDoNotExist() {
    long sub = Fixtures.watchAll(node, b);
    node.ok(new NodeCall.Join(a, List.of("gone", "kept")));
    node.ok(new NodeCall.Leave(a, "gone"));
    assertThat(node.ok(new NodeCall.WhichGroups(a))).isEqualTo(List.of("kept"));
    assertThat(node.ok(new NodeCall.WhichLocalGroups(a))).isEqualTo(List.of("kept"));
    Watching watching = (Watching) node.ok(new NodeCall.Events(a));
    assertThat(watching.snapshot()).containsOnlyKeys("kept");
    assertThat(members("gone")).isEmpty();
    assertThat(Fixtures.drain(node, sub)).hasSize(3);
  }

  @Test
  void getMembersOfAnUnknownGroupIsEmptyNotAnError() {
    assertThat(node.call(new NodeCall.GetMembers(a, "never")).value()).isEqualTo(List.of());
    assertThat(node.call(new NodeCall.GetLocalMembers(a, "never")).value()).isEqualTo(List.of());
  }

  @Test
  void readYourWritesOnTheLocalNode() {
    node.ok(new NodeCall.Join(a, "g"));
    assertThat(node.ok(new NodeCall.GetMembers(b, "g"))).isEqualTo(List.of(A));
    assertThat(node.ok(new NodeCall.GetLocalMembers(b, "g"))).isEqualTo(List.of(A));
  }

  @Test
  void localQueriesShowOnlyLocalSlots() {
    node.ok(new NodeCall.Join(a, "g"));
    node.ok(new NodeCall.RemoteSync(SCOPE, "n2", Map.of("g", List.of(R1), "remote", List.of(R1))));
    assertThat(members("g")).containsExactlyInAnyOrder(A, R1);
    assertThat(node.ok(new NodeCall.GetLocalMembers(a, "g"))).isEqualTo(List.of(A));
    assertThat(node.state().scope(SCOPE).groups()).containsExactlyInAnyOrder("g", "remote");
    assertThat(node.ok(new NodeCall.WhichGroups(a))).isEqualTo(node.state().scope(SCOPE).groups());
    assertThat(node.ok(new NodeCall.WhichLocalGroups(a))).isEqualTo(List.of("g"));
  }

  @Test
  void processExitRemovesAllItsSlotsInEveryScope() {
    node.ok(new NodeCall.RegisterScope("app:other", null));
    long other = (Long) node.ok(new NodeCall.Open(A, "app:other"));
    node.ok(new NodeCall.Join(a, List.of("g", "g", "h")));
    node.ok(new NodeCall.Join(other, "g"));
    node.ok(new NodeCall.Join(b, "g"));
    node.ok(new NodeCall.Exit(A));
    assertThat(node.state().localView(SCOPE)).isEqualTo(Map.of("g", List.of(B)));
    assertThat(node.state().localView("app:other")).isEmpty();
  }

  @Test
  void releaseNeitherLeavesGroupsNorClosesSubscriptions() {
    long sub = ((Monitored) node.ok(new NodeCall.Monitor(a, "g"))).subscription();
    node.ok(new NodeCall.Join(a, "g"));
    node.ok(new NodeCall.Release(a));
    node.ok(new NodeCall.Join(b, "g"));
    assertThat(node.state().members(SCOPE, "g")).containsExactly(A, B);
    assertThat(Fixtures.drain(node, sub)).hasSize(2);
    assertThat(node.state().subscription(sub).closed()).isFalse();
  }

  @Test
  void processExitClosesItsSubscriptionsAndReleasesItsInstances() {
    long sub = ((Monitored) node.ok(new NodeCall.Monitor(a, "g"))).subscription();
    node.ok(new NodeCall.Join(b, "g"));
    node.ok(new NodeCall.Exit(A));
    assertThat(node.ok(new NodeCall.Receive(sub))).isEqualTo(Read.CLOSED);
    assertThat(node.state().instance(a).released()).isTrue();
    assertThat(node.call(new NodeCall.GetMembers(a, "g")).error().message())
        .isEqualTo("instance released");
  }
}
