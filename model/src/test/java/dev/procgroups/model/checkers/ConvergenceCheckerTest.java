package dev.procgroups.model.checkers;

import static dev.procgroups.model.checkers.BroadcastCheckerTest.P1;
import static dev.procgroups.model.checkers.BroadcastCheckerTest.P2;
import static dev.procgroups.model.checkers.BroadcastCheckerTest.assertFlags;
import static dev.procgroups.model.checkers.BroadcastCheckerTest.join;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConvergenceCheckerTest {
  /** A process of n2's earlier incarnation, gone with it. */
  private static final String OLD = "{n2@app:processes|000003}";

  private static final List<MembershipOp> OPS =
      List.of(join(1, P1, 0, 5), join(2, P2, 0, 5), join(3, OLD, 0, 5));

  @Test
  void everyNodeSeeingTheLiveLocalSlotsIsValid() {
    CheckResult r =
        check(
            view("n1", List.of(P1, P2), List.of(P1), Set.of("g")),
            view("n2", List.of(P2, P1), List.of(P2), Set.of("g")));
    assertThat(r.validity()).isEqualTo(Validity.VALID);
  }

  @Test
  void flagsANodeMissingAMember() {
    assertFlags(
        check(
            view("n1", List.of(P1, P2), List.of(P1), null),
            view("n2", List.of(P2), List.of(P2), null)),
        "diverged");
  }

  @Test
  void flagsASlotOfADeadIncarnationThatSurvived() {
    CheckResult r =
        check(
            view("n1", List.of(P1, P2, OLD), List.of(P1), null),
            view("n2", List.of(P1, P2), List.of(P2), null));
    assertFlags(r, "dead-slot");
    assertFlags(r, "diverged");
  }

  @Test
  void flagsALiveProcessWhoseSlotVanishedEverywhere() {
    assertFlags(
        check(view("n1", List.of(P2), List.of(), null), view("n2", List.of(P2), List.of(P2), null)),
        "lost-slot");
  }

  @Test
  void flagsWhichGroupsListingAnEmptyGroup() {
    assertFlags(
        check(
            view("n1", List.of(P1, P2), List.of(P1), Set.of("g", "h")),
            view("n2", List.of(P1, P2), List.of(P2), null)),
        "which-groups");
  }

  @Test
  void flagsALocalMemberOfAnotherNode() {
    assertFlags(
        check(
            view("n1", List.of(P1, P2, P2), List.of(P1, P2), null),
            view("n2", List.of(P1, P2, P2), List.of(P2), null)),
        "foreign-local");
  }

  @Test
  void readsThePidsNode() {
    assertThat(ConvergenceChecker.nodeOf(P1)).isEqualTo("n1");
    assertThat(ConvergenceChecker.nodeOf("nope")).isNull();
  }

  private static CheckResult check(NodeView... views) {
    return ConvergenceChecker.check(
        new ConvergenceInput(
            List.of(views), views.length, Set.of(P1, P2), Set.of(OLD), Set.of(), OPS));
  }

  private static NodeView view(
      String node, List<String> members, List<String> local, Set<String> which) {
    return new NodeView(node, 50, Map.of("g", members), Map.of("g", local), which);
  }
}
