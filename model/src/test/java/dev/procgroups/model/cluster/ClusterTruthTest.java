package dev.procgroups.model.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procgroups.model.node.NodeCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SEMANTICS.md "Cluster consistency": what every node must see once the network is whole and quiet.
 */
class ClusterTruthTest {

  private static final String SCOPE = "app:pg";

  /** Spawns {@code pid} on {@code node}, opens the scope and joins {@code groups}. */
  private static ClusterTruth joined(ClusterTruth truth, String node, String pid, Object groups) {
    truth = truth.step(node, new NodeCall.Spawn(pid)).truth();
    ClusterStep open = truth.step(node, new NodeCall.Open(pid, SCOPE));
    long instance = (Long) open.step().result().value();
    return open.truth().step(node, new NodeCall.Join(instance, groups)).truth();
  }

  private static ClusterTruth threeNodes() {
    ClusterTruth truth =
        ClusterTruth.empty().start("n1", SCOPE).start("n2", SCOPE).start("n3", SCOPE);
    truth = joined(truth, "n1", "a1", List.of("w", "w"));
    truth = joined(truth, "n2", "b1", List.of("w", "m"));
    return joined(truth, "n3", "c1", "m");
  }

  @Test
  void theExpectedViewIsTheMultisetUnionOfEveryLiveNodesLocalSlots() {
    ClusterTruth truth = threeNodes();
    Map<String, List<String>> expected =
        Map.of("w", List.of("b1", "a1", "a1"), "m", List.of("c1", "b1"));
    for (String node : truth.liveNodes()) {
      assertThat(Views.differences(expected, truth.expectedView(node, SCOPE))).isEmpty();
    }
  }

  @Test
  void aKilledNodesProcessesAndSlotsVanish() {
    ClusterTruth truth = threeNodes().kill("n2");
    assertThat(truth.liveNodes()).containsExactly("n1", "n3");
    assertThat(
            Views.sameView(
                truth.expectedView("n1", SCOPE),
                Map.of("w", List.of("a1", "a1"), "m", List.of("c1"))))
        .isTrue();
    assertThat(truth.node("n2").state().live()).isEmpty();
    assertThatThrownBy(() -> truth.expectedView("n2", SCOPE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> truth.step("n2", new NodeCall.Spawn("x")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRestartIsANewIncarnationWithNoProcessesButTheSameScopes() {
    ClusterTruth truth = threeNodes();
    assertThat(truth.incarnation("n2")).isEqualTo(1);
    ClusterTruth restarted = truth.restart("n2");
    assertThat(restarted.incarnation("n2")).isEqualTo(2);
    assertThat(restarted.isUp("n2")).isTrue();
    assertThat(restarted.node("n2").state().live()).isEmpty();
    assertThat(restarted.node("n2").state().scope(SCOPE)).isNotNull();
    assertThat(
            Views.sameView(
                restarted.expectedView("n2", SCOPE),
                Map.of("w", List.of("a1", "a1"), "m", List.of("c1"))))
        .isTrue();
    assertThat(restarted.kill("n2").restart("n2").incarnation("n2")).isEqualTo(3);
  }

  @Test
  void aPidIsNeverReusedUnderOneNodeNameAcrossRestarts() {
    ClusterTruth restarted = threeNodes().restart("n2");
    assertThatThrownBy(() -> restarted.step("n2", new NodeCall.Spawn("b1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(restarted.step("n2", new NodeCall.Spawn("b2")).step().result().isOk()).isTrue();
  }

  @Test
  void processExitAndLeaveChangeTheTruth() {
    ClusterTruth truth = threeNodes().step("n3", new NodeCall.Exit("c1")).truth();
    truth = truth.step("n1", new NodeCall.Leave(1, "w")).truth();
    assertThat(
            Views.sameView(
                truth.expectedView("n3", SCOPE),
                Map.of("w", List.of("a1", "b1"), "m", List.of("b1"))))
        .isTrue();
  }

  @Test
  void aNodeWithoutTheScopeSeesNothingAndAddsNothing() {
    ClusterTruth truth = threeNodes().start("n4");
    assertThat(truth.expectedView("n4", SCOPE)).isEmpty();
    assertThat(truth.localSlots(SCOPE)).containsOnlyKeys("n1", "n2", "n3", "n4");
    assertThat(truth.localSlots(SCOPE).get("n4")).isEmpty();
  }

  @Test
  void aNameStartsOnce() {
    assertThatThrownBy(() -> threeNodes().start("n1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void viewsCompareAsMultisetsIgnoringOrderAndEmptyGroups() {
    assertThat(Views.sameMembers(List.of("a", "b", "a"), List.of("a", "a", "b"))).isTrue();
    assertThat(Views.sameMembers(List.of("a", "b", "a"), List.of("a", "b"))).isFalse();
    assertThat(
            Views.sameView(
                Map.of("g", List.of("a"), "empty", List.of()), Map.of("g", List.of("a"))))
        .isTrue();
    assertThat(
            Views.differences(
                Map.of("g", List.of("a", "a")), Map.of("g", List.of("a"), "h", List.of("b"))))
        .containsExactly("g: expected [a, a] but was [a]", "h: expected [] but was [b]");
  }
}
