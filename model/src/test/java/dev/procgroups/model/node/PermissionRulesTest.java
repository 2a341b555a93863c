package dev.procgroups.model.node;

import static dev.procgroups.model.node.Fixtures.A;
import static dev.procgroups.model.node.Fixtures.B;
import static dev.procgroups.model.node.Fixtures.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.model.Action;
import dev.procgroups.model.DocumentedTables;
import dev.procgroups.model.ErrorKind;
import dev.procgroups.model.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SEMANTICS.md "Permissions": every method checks (process, its permission, its resource). */
class PermissionRulesTest {

  private record Asked(String pid, Action action, String resource) {}

  @Test
  void everyMethodAsksThePolicyForItsPermissionOnItsResource() {
    List<Asked> asked = new ArrayList<>();
    Policy recording = (pid, action, resource) -> asked.add(new Asked(pid, action, resource));
    NodeDriver node = Fixtures.node(recording);
    long g = node.spawnAndOpen(A, SCOPE);
    assertThat(asked).containsExactly(new Asked(A, Action.OPEN, SCOPE));
    node.ok(new NodeCall.Join(g, "w"));
    for (Action action : Action.values()) {
      if (action == Action.OPEN) {
        continue;
      }
      asked.clear();
      node.ok(DocumentedTables.methodFor(action, g, "w"));
      assertThat(asked)
          .containsExactly(new Asked(A, action, action.checkedOnScope() ? SCOPE : "w"));
    }
  }

  @Test
  void aBatchAsksForEveryGroupInOrder() {
    List<Asked> asked = new ArrayList<>();
    NodeDriver node =
        Fixtures.node((pid, action, resource) -> asked.add(new Asked(pid, action, resource)));
    long g = node.spawnAndOpen(A, SCOPE);
    asked.clear();
    node.ok(new NodeCall.Join(g, List.of("x", "y", "x")));
    assertThat(asked).extracting(Asked::resource).containsExactly("x", "y", "x");
  }

  @Test
  void thePolicyIsAskedAboutTheCallingProcess() {
    NodeDriver node = Fixtures.node((pid, action, resource) -> !pid.equals(B));
    long a = node.spawnAndOpen(A, SCOPE);
    node.ok(new NodeCall.Spawn(B));
    assertThat(node.call(new NodeCall.Open(B, SCOPE)).errorKind())
        .isEqualTo(ErrorKind.PERMISSION_DENIED);
    assertThat(node.call(new NodeCall.Join(a, "g")).isOk()).isTrue();
  }

  @Test
  void theDefaultPolicyAllowsEverything() {
    NodeDriver node = Fixtures.node();
    long g = node.spawnAndOpen(A, SCOPE);
    node.ok(new NodeCall.Join(g, "w"));
    for (NodeCall call : DocumentedTables.everyMethod(g, "w")) {
      assertThat(node.call(call).isOk()).as(call.toString()).isTrue();
    }
  }
}
