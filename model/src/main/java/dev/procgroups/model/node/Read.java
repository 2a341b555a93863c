package dev.procgroups.model.node;

import dev.procgroups.model.Event;
import java.util.Objects;

/** What one non-blocking receive on a subscription channel gives. */
public sealed interface Read {

  /** {@code event, true}. */
  record Received(Event event) implements Read {
    public Received {
      Objects.requireNonNull(event, "event");
    }
  }

  /** Nothing buffered yet; a blocking receive would wait. */
  record Empty() implements Read {}

  /** {@code nil, false}: the channel is closed and empty. */
  record Closed() implements Read {}

  Read EMPTY = new Empty();
  Read CLOSED = new Closed();
}
