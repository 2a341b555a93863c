package dev.procgroups.model.node;

import dev.procgroups.model.Action;

/** monitor, events, and the subscription calls: receive, close, dropped. */
final class Subscriptions {

  private Subscriptions() {}

  /** The snapshot and the subscription are taken in one step, so no change falls between. */
  static Object monitor(Transition t, NodeCall.Monitor call) {
    Checks.GroupCall c = Checks.groupCall(t.state(), call.instance(), call.group(), Action.MONITOR);
    ScopeState scope = Checks.running(t.state(), c.instance().scope());
    long id = subscribe(t, c.instance(), scope, c.group());
    return new Monitored(id, scope.members(c.group()));
  }

  static Object events(Transition t, NodeCall.Events call) {
    Instance instance = Checks.usable(t.state(), call.instance());
    Checks.permitted(t.state(), instance.owner(), Action.EVENTS, instance.scope());
    ScopeState scope = Checks.running(t.state(), instance.scope());
    long id = subscribe(t, instance, scope, null);
    return new Watching(id, scope.view());
  }

  /** A new open subscription on {@code group} ({@code null}: every group) of the scope. */
  private static long subscribe(Transition t, Instance owner, ScopeState scope, String group) {
    long id = t.nextId();
    t.set(
        t.state()
            .withSubscription(
                Subscription.open(
                    id, owner.owner(), scope.id(), group, scope.config().monitorBuffer())));
    return id;
  }

  static Object receive(Transition t, NodeCall.Receive call) {
    Subscription subscription = t.state().subscription(call.subscription());
    if (subscription.buffer().isEmpty()) {
      return subscription.closed() ? Read.CLOSED : Read.EMPTY;
    }
    t.set(t.state().withSubscription(subscription.withoutHead()));
    return new Read.Received(subscription.buffer().get(0));
  }

  static Object close(Transition t, NodeCall.Close call) {
    Subscription subscription = t.state().subscription(call.subscription());
    t.set(t.state().withSubscription(subscription.close(call.flush())));
    return true;
  }

  static Object dropped(Transition t, NodeCall.Dropped call) {
    return t.state().subscription(call.subscription()).dropped();
  }
}
