package dev.procgroups.model.node;

import dev.procgroups.model.Delivery;
import dev.procgroups.model.Event;
import dev.procgroups.model.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The working area of one step: the state as changed so far, and what the step emitted. Handlers
 * change it freely; if a handler throws a {@link Rejection}, the whole transition is discarded.
 */
final class Transition {

  private NodeState state;
  private final List<ScopedEvent> events = new ArrayList<>();
  private final Map<Long, List<Event>> enqueued = new LinkedHashMap<>();
  private final List<Delivery> deliveries = new ArrayList<>();

  Transition(NodeState state) {
    this.state = state;
  }

  NodeState state() {
    return state;
  }

  void set(NodeState next) {
    state = next;
  }

  void setScope(ScopeState scope) {
    state = state.withScope(scope);
  }

  /** Takes the next handle id. */
  long nextId() {
    long id = state.nextId();
    state = state.withNextId();
    return id;
  }

  /** Records an event and offers it to every open subscription watching its group, by id. */
  void emit(String scope, Event event) {
    events.add(new ScopedEvent(scope, event));
    Map<Long, Subscription> offered = new LinkedHashMap<>(state.subscriptions());
    for (Subscription subscription : state.subscriptions().values()) {
      if (subscription.watches(scope, event.group())) {
        if (!subscription.isFull()) {
          enqueued.computeIfAbsent(subscription.id(), id -> new ArrayList<>()).add(event);
        }
        offered.put(subscription.id(), subscription.offer(event));
      }
    }
    state = state.withSubscriptions(offered);
  }

  void deliver(Delivery delivery) {
    deliveries.add(delivery);
  }

  Step finish(Result result) {
    return new Step(state, result, events, enqueued, deliveries);
  }
}
