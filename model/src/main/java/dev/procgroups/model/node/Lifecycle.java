package dev.procgroups.model.node;

import dev.procgroups.model.Action;
import dev.procgroups.model.ErrorKind;
import dev.procgroups.model.Event;
import java.util.Map;

/** Processes, scope entries, and instances: spawn, exit, register, stop, open, release. */
final class Lifecycle {

  private Lifecycle() {}

  static Object spawn(Transition t, NodeCall.Spawn call) {
    if (t.state().used().contains(call.pid())) {
      throw new IllegalArgumentException("pid " + call.pid() + " was already used on this node");
    }
    t.set(t.state().withSpawned(call.pid()));
    return true;
  }

  /**
   * Exit: its subscriptions close (their buffers are discarded: nobody can read them any more) and
   * its instances are released; then, per scope in registration order, it loses every slot with one
   * member.left per group, groups in the order the process entered them.
   */
  static Object exit(Transition t, NodeCall.Exit call) {
    String pid = call.pid();
    Checks.alive(t.state(), pid);
    for (Subscription subscription : t.state().subscriptions().values()) {
      if (subscription.owner().equals(pid)) {
        t.set(t.state().withSubscription(subscription.close(true)));
      }
    }
    for (Instance instance : t.state().instances().values()) {
      if (instance.owner().equals(pid)) {
        t.set(t.state().withInstance(instance.release()));
      }
    }
    for (ScopeState scope : t.state().scopes().values()) {
      Map<String, Integer> counts = scope.slotCountsOf(pid);
      t.setScope(scope.withoutProcess(pid));
      counts.forEach(
          (group, count) -> t.emit(scope.id(), Event.left(group, Event.repeat(pid, count))));
    }
    t.set(t.state().withExited(pid));
    return true;
  }

  static Object register(Transition t, NodeCall.RegisterScope call) {
    String id = LuaArguments.scopeId(call.scope());
    ScopeConfig config = ScopeConfig.parse(call.config());
    if (t.state().scope(id) != null) {
      throw new Rejection(ErrorKind.INVALID, "scope: " + id + " is already registered");
    }
    t.setScope(ScopeState.fresh(id, config));
    return true;
  }

  /** Stop: subscriptions on the scope close (buffers stay readable), its slots are gone. */
  static Object stop(Transition t, NodeCall.StopScope call) {
    ScopeState scope = t.state().scope(call.scope());
    if (scope == null) {
      throw new Rejection(ErrorKind.NOT_FOUND, "scope " + call.scope() + " not found");
    }
    for (Subscription subscription : t.state().subscriptions().values()) {
      if (subscription.scope().equals(scope.id())) {
        t.set(t.state().withSubscription(subscription.close(false)));
      }
    }
    t.setScope(scope.stop());
    return true;
  }

  static Object open(Transition t, NodeCall.Open call) {
    Checks.alive(t.state(), call.pid());
    String id = LuaArguments.scopeId(call.scope());
    Checks.permitted(t.state(), call.pid(), Action.OPEN, id);
    Checks.running(t.state(), id);
    long handle = t.nextId();
    t.set(t.state().withInstance(new Instance(handle, call.pid(), id, false)));
    return handle;
  }

  /** Release only invalidates the handle: groups and subscriptions stay. Idempotent. */
  static Object release(Transition t, NodeCall.Release call) {
    t.set(t.state().withInstance(t.state().instance(call.instance()).release()));
    return true;
  }
}
