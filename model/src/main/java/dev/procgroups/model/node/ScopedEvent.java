package dev.procgroups.model.node;

import dev.procgroups.model.Event;
import java.util.Objects;

/** An event together with the scope it happened in (a process exit can touch several scopes). */
public record ScopedEvent(String scope, Event event) {
  public ScopedEvent {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(event, "event");
  }
}
