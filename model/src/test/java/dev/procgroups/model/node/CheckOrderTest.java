package dev.procgroups.model.node;

import static dev.procgroups.model.node.Fixtures.A;
import static dev.procgroups.model.node.Fixtures.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.model.ErrorKind;
import dev.procgroups.model.Result;
import dev.procgroups.model.policy.Policy;
import dev.procgroups.model.policy.Rule;
import dev.procgroups.model.policy.RulePolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DECISIONS.md, "Order of checks in every call": released, arguments, permission, limits, action.
 */
class CheckOrderTest {

  private static final Policy DENY_JOIN_SECRET =
      RulePolicy.of(Rule.allow("*", "*"), Rule.deny("pg.*", "secret"));

  private static NodeDriver limitedNode() {
    NodeDriver node = new NodeDriver(NodeState.initial("n1", DENY_JOIN_SECRET));
    node.ok(new NodeCall.RegisterScope(SCOPE, Map.of("max_members_per_group", 1)));
    return node;
  }

  private final NodeDriver node = limitedNode();
  private final long g = node.spawnAndOpen(A, SCOPE);

  @Test
  void releasedComesBeforeArgumentValidation() {
    node.ok(new NodeCall.Release(g));
    Result result = node.call(new NodeCall.Join(g, 42));
    assertThat(result.error().kind()).isEqualTo(ErrorKind.INVALID);
    assertThat(result.error().message()).isEqualTo("instance released");
  }

  @Test
  void argumentValidationComesBeforePermission() {
    Result result = node.call(new NodeCall.Join(g, List.of("secret", "")));
    assertThat(result.errorKind()).isEqualTo(ErrorKind.INVALID);
    assertThat(result.error().argument()).isEqualTo("group[2]");
    assertThat(node.call(new NodeCall.Broadcast(g, "secret", "", List.of())).error().argument())
        .isEqualTo("topic");
    assertThat(
            node.call(new NodeCall.BroadcastLocal(g, "secret", "t", List.of(new Object())))
                .error()
                .argument())
        .isEqualTo("payload");
  }

  @Test
  void permissionComesBeforeLimits() {
    assertThat(node.call(new NodeCall.Join(g, List.of("secret", "secret"))).errorKind())
        .isEqualTo(ErrorKind.PERMISSION_DENIED);
  }

  @Test
  void limitsComeBeforeTheAction() {
    node.ok(new NodeCall.StopScope(SCOPE));
    assertThat(node.call(new NodeCall.Join(g, List.of("a", "a"))).errorKind())
        .isEqualTo(ErrorKind.RATE_LIMITED);
    assertThat(node.call(new NodeCall.Join(g, "a")).errorKind()).isEqualTo(ErrorKind.UNAVAILABLE);
  }

  @Test
  void permissionComesBeforeTheLeaveMembershipCheck() {
    assertThat(node.call(new NodeCall.Leave(g, "secret")).errorKind())
        .isEqualTo(ErrorKind.PERMISSION_DENIED);
    assertThat(node.call(new NodeCall.Leave(g, "open")).errorKind()).isEqualTo(ErrorKind.INVALID);
  }

  @Test
  void permissionComesBeforeScopeExistence() {
    NodeDriver other =
        new NodeDriver(
            NodeState.initial(
                "n1", RulePolicy.of(Rule.allow("*", "*"), Rule.deny("pg.open", "app:missing"))));
    other.ok(new NodeCall.Spawn(A));
    assertThat(other.call(new NodeCall.Open(A, "app:missing")).errorKind())
        .isEqualTo(ErrorKind.PERMISSION_DENIED);
    assertThat(other.call(new NodeCall.Open(A, "app:absent")).errorKind())
        .isEqualTo(ErrorKind.NOT_FOUND);
  }

  @Test
  void messagesNameTheArgument() {
    assertThat(node.call(new NodeCall.Join(g, null)).error().argument()).isEqualTo("group");
    assertThat(node.call(new NodeCall.Join(g, List.of("a", "b", 3))).error().argument())
        .isEqualTo("group[3]");
    assertThat(node.call(new NodeCall.Broadcast(g, "a", "", List.of())).error().argument())
        .isEqualTo("topic");
    assertThat(
            node.call(new NodeCall.Broadcast(g, "a", "t", List.of(new Object())))
                .error()
                .argument())
        .isEqualTo("payload");
  }

  @Test
  void argumentsAreValidatedInTheirOrder() {
    assertThat(
            node.call(new NodeCall.Broadcast(g, "", "", List.of(new Object()))).error().argument())
        .isEqualTo("group");
    assertThat(
            node.call(new NodeCall.Broadcast(g, "a", null, List.of(new Object())))
                .error()
                .argument())
        .isEqualTo("topic");
  }

  @Test
  void everyGroupOfABatchIsPermissionCheckedAndNothingChangesOnDenial() {
    NodeState before = node.state();
    Step step = node.apply(new NodeCall.Join(g, List.of("a", "b", "secret")));
    assertThat(step.result().errorKind()).isEqualTo(ErrorKind.PERMISSION_DENIED);
    assertThat(step.state()).isEqualTo(before);
    assertThat(step.events()).isEmpty();
  }

  @Test
  void aStoppedScopeFailsAtTheActionStep() {
    node.ok(new NodeCall.StopScope(SCOPE));
    assertThat(node.call(new NodeCall.Join(g, "")).errorKind()).isEqualTo(ErrorKind.INVALID);
    assertThat(node.call(new NodeCall.Join(g, "secret")).errorKind())
        .isEqualTo(ErrorKind.PERMISSION_DENIED);
    assertThat(node.call(new NodeCall.Join(g, "a")).errorKind()).isEqualTo(ErrorKind.UNAVAILABLE);
  }
}
