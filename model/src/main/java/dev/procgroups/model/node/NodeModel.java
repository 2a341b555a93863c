package dev.procgroups.model.node;

import dev.procgroups.model.Result;

/**
 * The step function of the single-node model: {@code (state, call) → Step}. Deterministic and pure:
 * the same state and call always give the same step, and the given state is never changed. A failed
 * call returns the given state unchanged, with no events and no deliveries.
 */
public final class NodeModel {

  private NodeModel() {}

  public static Step step(NodeState state, NodeCall call) {
    Transition transition = new Transition(state);
    try {
      Object value = dispatch(transition, call);
      return transition.finish(Result.ok(value));
    } catch (Rejection rejection) {
      return new Transition(state).finish(new Result.Failed(rejection.error()));
    }
  }

  private static Object dispatch(Transition t, NodeCall call) {
    if (call instanceof NodeCall.Spawn) {
      return Lifecycle.spawn(t, (NodeCall.Spawn) call);
    } else if (call instanceof NodeCall.Exit) {
      return Lifecycle.exit(t, (NodeCall.Exit) call);
    } else if (call instanceof NodeCall.RegisterScope) {
      return Lifecycle.register(t, (NodeCall.RegisterScope) call);
    } else if (call instanceof NodeCall.StopScope) {
      return Lifecycle.stop(t, (NodeCall.StopScope) call);
    } else if (call instanceof NodeCall.Open) {
      return Lifecycle.open(t, (NodeCall.Open) call);
    } else if (call instanceof NodeCall.Release) {
      return Lifecycle.release(t, (NodeCall.Release) call);
    } else if (call instanceof NodeCall.Join) {
      return Membership.join(t, (NodeCall.Join) call);
    } else if (call instanceof NodeCall.Leave) {
      return Membership.leave(t, (NodeCall.Leave) call);
    } else if (call instanceof NodeCall.GetMembers) {
      return Queries.members(t, (NodeCall.GetMembers) call);
    } else if (call instanceof NodeCall.GetLocalMembers) {
      return Queries.localMembers(t, (NodeCall.GetLocalMembers) call);
    } else if (call instanceof NodeCall.WhichGroups) {
      return Queries.groups(t, (NodeCall.WhichGroups) call);
    } else if (call instanceof NodeCall.WhichLocalGroups) {
      return Queries.localGroups(t, (NodeCall.WhichLocalGroups) call);
    } else if (call instanceof NodeCall.Broadcast) {
      return Broadcasts.broadcast(t, (NodeCall.Broadcast) call);
    } else if (call instanceof NodeCall.BroadcastLocal) {
      return Broadcasts.broadcastLocal(t, (NodeCall.BroadcastLocal) call);
    } else if (call instanceof NodeCall.Monitor) {
      return Subscriptions.monitor(t, (NodeCall.Monitor) call);
    } else if (call instanceof NodeCall.Events) {
      return Subscriptions.events(t, (NodeCall.Events) call);
    } else if (call instanceof NodeCall.Receive) {
      return Subscriptions.receive(t, (NodeCall.Receive) call);
    } else if (call instanceof NodeCall.Close) {
      return Subscriptions.close(t, (NodeCall.Close) call);
    } else if (call instanceof NodeCall.Dropped) {
      return Subscriptions.dropped(t, (NodeCall.Dropped) call);
    } else if (call instanceof NodeCall.RemoteSync) {
      return Replication.sync(t, (NodeCall.RemoteSync) call);
    } else if (call instanceof NodeCall.RemoteDelta) {
      return Replication.delta(t, (NodeCall.RemoteDelta) call);
    } else if (call instanceof NodeCall.RemoteDrop) {
      return Replication.drop(t, (NodeCall.RemoteDrop) call);
    }
    throw new IllegalArgumentException("unknown call " + call);
  }
}
