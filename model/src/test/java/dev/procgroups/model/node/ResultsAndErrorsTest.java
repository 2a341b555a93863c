package dev.procgroups.model.node;

import static dev.procgroups.model.node.Fixtures.A;
import static dev.procgroups.model.node.Fixtures.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.model.ErrorKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SEMANTICS.md "Results and errors": the kinds, their Lua names, and where each one comes from. */
class ResultsAndErrorsTest {

  @Test
  void errorKindsHaveTheLuaNames() {
    assertThat(ErrorKind.INVALID.luaName()).isEqualTo("Invalid");
    assertThat(ErrorKind.NOT_FOUND.luaName()).isEqualTo("NotFound");
    assertThat(ErrorKind.PERMISSION_DENIED.luaName()).isEqualTo("PermissionDenied");
    assertThat(ErrorKind.UNAVAILABLE.luaName()).isEqualTo("Unavailable");
    assertThat(ErrorKind.INTERNAL.luaName()).isEqualTo("Internal");
    assertThat(ErrorKind.RATE_LIMITED.luaName()).isEqualTo("RateLimited");
  }

  @Test
  void successValuesAreTheDocumentedOnes() {
    NodeDriver node = Fixtures.node();
    long g = node.spawnAndOpen(A, SCOPE);
    assertThat(node.ok(new NodeCall.Join(g, "a"))).isEqualTo(true);
    assertThat(node.ok(new NodeCall.GetMembers(g, "a"))).isEqualTo(java.util.List.of(A));
    assertThat(node.ok(new NodeCall.Monitor(g, "a"))).isInstanceOf(Monitored.class);
    assertThat(node.ok(new NodeCall.Events(g))).isInstanceOf(Watching.class);
    assertThat(node.ok(new NodeCall.Broadcast(g, "none", "t", java.util.List.of())))
        .isEqualTo(true);
    assertThat(node.ok(new NodeCall.Release(g))).isEqualTo(true);
  }

  @Test
  void aScopeLimitExceededIsRateLimited() {
    NodeDriver node = new NodeDriver(NodeState.initial("n1"));
    node.ok(new NodeCall.RegisterScope(SCOPE, Map.of("max_groups", 1)));
    long g = node.spawnAndOpen(A, SCOPE);
    node.ok(new NodeCall.Join(g, "a"));
    assertThat(node.call(new NodeCall.Join(g, "b")).errorKind()).isEqualTo(ErrorKind.RATE_LIMITED);
  }

  @Test
  void aStoppedScopeIsUnavailableForEveryMethodAndForOpen() {
    NodeDriver node = Fixtures.node();
    long g = node.spawnAndOpen(A, SCOPE);
    node.ok(new NodeCall.StopScope(SCOPE));
    for (NodeCall call : dev.procgroups.model.DocumentedTables.everyMethod(g, "a")) {
      assertThat(node.call(call).errorKind()).as(call.toString()).isEqualTo(ErrorKind.UNAVAILABLE);
    }
    assertThat(node.call(new NodeCall.Open(A, SCOPE)).errorKind()).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(node.call(new NodeCall.Release(g)).isOk()).isTrue();
  }

  @Test
  void stoppingAScopeClosesItsSubscriptionsButKeepsTheirBufferedEvents() {
    NodeDriver node = Fixtures.node();
    long g = node.spawnAndOpen(A, SCOPE);
    long sub = Fixtures.watchAll(node, g);
    node.ok(new NodeCall.Join(g, "a"));
    node.ok(new NodeCall.StopScope(SCOPE));
    assertThat(Fixtures.drain(node, sub)).hasSize(1);
    assertThat(node.ok(new NodeCall.Receive(sub))).isEqualTo(Read.CLOSED);
    assertThat(node.state().localView(SCOPE)).isEmpty();
  }

  @Test
  void anUnknownScopeIsNotFound() {
    NodeDriver node = Fixtures.node();
    node.ok(new NodeCall.Spawn(A));
    assertThat(node.call(new NodeCall.Open(A, "app:missing")).errorKind())
        .isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(node.call(new NodeCall.StopScope("app:missing")).errorKind())
        .isEqualTo(ErrorKind.NOT_FOUND);
  }
}
