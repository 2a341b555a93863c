package dev.procgroups.model.node;

import dev.procgroups.model.ErrorKind;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The config of a {@code pg.scope} entry (DECISIONS.md, "Scope config"): {@code monitor_buffer}
 * (integer ≥ 1, default 64), {@code max_groups} and {@code max_members_per_group} (integer ≥ 1,
 * default unlimited). Any other key rejects the entry.
 */
public record ScopeConfig(
    int monitorBuffer, OptionalInt maxGroups, OptionalInt maxMembersPerGroup) {

  public static final int DEFAULT_MONITOR_BUFFER = 64;
  public static final ScopeConfig DEFAULT =
      new ScopeConfig(DEFAULT_MONITOR_BUFFER, OptionalInt.empty(), OptionalInt.empty());

  public ScopeConfig {
    if (monitorBuffer < 1) {
      throw new IllegalArgumentException("monitor_buffer must be >= 1");
    }
  }

  /** Reads a registry entry's config map (Lua values); nil values count as absent. */
  static ScopeConfig parse(Map<String, Object> entry) {
    for (String key : entry.keySet()) {
      if (!key.equals("monitor_buffer")
          && !key.equals("max_groups")
          && !key.equals("max_members_per_group")) {
        throw new Rejection(ErrorKind.INVALID, key + ": unknown pg.scope config key");
      }
    }
    OptionalInt buffer = positive(entry, "monitor_buffer");
    return new ScopeConfig(
        buffer.orElse(DEFAULT_MONITOR_BUFFER),
        positive(entry, "max_groups"),
        positive(entry, "max_members_per_group"));
  }

  private static OptionalInt positive(Map<String, Object> entry, String key) {
    Object value = entry.get(key);
    if (value == null) {
      return OptionalInt.empty();
    }
    boolean integral =
        value instanceof Integer
            || value instanceof Long
            || value instanceof Short
            || value instanceof Byte;
    if (!integral
        || ((Number) value).longValue() < 1
        || ((Number) value).longValue() > Integer.MAX_VALUE) {
      throw new Rejection(ErrorKind.INVALID, key + ": must be an integer >= 1");
    }
    return OptionalInt.of(((Number) value).intValue());
  }
}
