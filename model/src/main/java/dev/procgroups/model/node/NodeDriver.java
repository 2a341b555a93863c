package dev.procgroups.model.node;

import dev.procgroups.model.Result;
import java.util.ArrayList;
import java.util.List;

/**
 * A convenience for writing scenarios: holds the current state and applies calls one after another,
 * keeping every step. Not part of the definition; the definition is {@link NodeModel}.
 */
public final class NodeDriver {

  private NodeState state;
  private final List<Step> steps = new ArrayList<>();

  public NodeDriver(NodeState initial) {
    this.state = initial;
  }

  /** A node named {@code node} (allow-all policy) with the given scopes registered (defaults). */
  public static NodeDriver withScopes(String node, String... scopes) {
    NodeDriver driver = new NodeDriver(NodeState.initial(node));
    for (String scope : scopes) {
      driver.ok(new NodeCall.RegisterScope(scope, null));
    }
    return driver;
  }

  public NodeState state() {
    return state;
  }

  public List<Step> steps() {
    return List.copyOf(steps);
  }

  public Step apply(NodeCall call) {
    Step step = NodeModel.step(state, call);
    state = step.state();
    steps.add(step);
    return step;
  }

  public Result call(NodeCall call) {
    return apply(call).result();
  }

  /** Applies the call and returns its success value; throws if it failed. */
  public Object ok(NodeCall call) {
    Result result = call(call);
    if (!result.isOk()) {
      throw new IllegalStateException(call + " failed: " + result);
    }
    return result.value();
  }

  /** Spawns {@code pid} and opens {@code scope} for it; returns the instance id. */
  public long spawnAndOpen(String pid, String scope) {
    ok(new NodeCall.Spawn(pid));
    return (Long) ok(new NodeCall.Open(pid, scope));
  }
}
