package dev.procgroups.model.node;

import dev.procgroups.model.Delivery;
import dev.procgroups.model.Event;
import dev.procgroups.model.Result;
import java.util.List;
import java.util.Map;

/**
 * One step of the model: the next state, the call's result, every membership event the call caused
 * (in order; for a local join/leave/exit these are exactly the local delta the node publishes), the
 * events each subscription accepted into its buffer (subscription id → events; full or closed
 * subscriptions accept nothing), and the broadcast deliveries (one per member slot).
 */
public record Step(
    NodeState state,
    Result result,
    List<ScopedEvent> events,
    Map<Long, List<Event>> enqueued,
    List<Delivery> deliveries) {

  public Step {
    events = List.copyOf(events);
    enqueued = Ordered.copyOfLists(enqueued);
    deliveries = List.copyOf(deliveries);
  }

  /** Just the events, without their scope. */
  public List<Event> plainEvents() {
    return events.stream().map(ScopedEvent::event).toList();
  }
}
