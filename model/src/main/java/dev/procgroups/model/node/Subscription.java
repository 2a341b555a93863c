package dev.procgroups.model.node;

import dev.procgroups.model.Event;
import java.util.List;
import java.util.Objects;

/**
 * A monitor ({@code group} set) or events ({@code group == null}) subscription: a bounded buffer of
 * {@code capacity} events, a count of events dropped because the buffer was full, and whether it is
 * closed (no further events; what is buffered can still be read).
 */
public record Subscription(
    long id,
    String owner,
    String scope,
    String group,
    int capacity,
    List<Event> buffer,
    long dropped,
    boolean closed) {

  public Subscription {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(scope, "scope");
    buffer = List.copyOf(buffer);
  }

  static Subscription open(long id, String owner, String scope, String group, int capacity) {
    return new Subscription(id, owner, scope, group, capacity, List.of(), 0, false);
  }

  /** True if this subscription wants events of {@code group} in {@code scope}. */
  boolean watches(String scope, String group) {
    return !closed && this.scope.equals(scope) && (this.group == null || this.group.equals(group));
  }

  boolean isFull() {
    return buffer.size() >= capacity;
  }

  Subscription offer(Event event) {
    if (isFull()) {
      return withDropped(dropped + 1);
    }
    return new Subscription(
        id, owner, scope, group, capacity, Ordered.append(buffer, event), dropped, closed);
  }

  Subscription withoutHead() {
    return new Subscription(
        id, owner, scope, group, capacity, buffer.subList(1, buffer.size()), dropped, closed);
  }

  Subscription close(boolean flush) {
    return new Subscription(
        id, owner, scope, group, capacity, flush ? List.of() : buffer, dropped, true);
  }

  private Subscription withDropped(long count) {
    return new Subscription(id, owner, scope, group, capacity, buffer, count, closed);
  }
}
