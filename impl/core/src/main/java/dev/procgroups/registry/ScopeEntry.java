package dev.procgroups.registry;

import java.util.Objects;

/** A registered {@code pg.scope} entry. */
public record ScopeEntry(EntryId id, ScopeConfig config) {
  public static final String KIND = "pg.scope";

  public ScopeEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(config, "config");
  }
}
