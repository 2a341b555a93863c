package dev.procgroups.registry;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * The config of a {@code pg.scope} entry (docs/DECISIONS.md): {@code monitor_buffer} (events a
 * subscription buffers, default 64), {@code max_groups} (groups with a local member on this node)
 * and {@code max_members_per_group} (local slots of one group); the two limits default to none.
 */
public record ScopeConfig(
    int monitorBuffer, OptionalInt maxGroups, OptionalInt maxMembersPerGroup) {

  public static final int DEFAULT_MONITOR_BUFFER = 64;
  public static final ScopeConfig DEFAULTS =
      new ScopeConfig(DEFAULT_MONITOR_BUFFER, OptionalInt.empty(), OptionalInt.empty());

  static final String MONITOR_BUFFER = "monitor_buffer";
  static final String MAX_GROUPS = "max_groups";
  static final String MAX_MEMBERS_PER_GROUP = "max_members_per_group";
  private static final Set<String> KEYS = Set.of(MONITOR_BUFFER, MAX_GROUPS, MAX_MEMBERS_PER_GROUP);

  public ScopeConfig {
    if (monitorBuffer < 1) {
      throw new IllegalArgumentException("monitor_buffer must be >= 1");
    }
    if (maxGroups.orElse(1) < 1 || maxMembersPerGroup.orElse(1) < 1) {
      throw new IllegalArgumentException("limits must be >= 1");
    }
  }

  /** Reads a config map; any key other than the three known ones is rejected by name. */
  public static ScopeConfig fromMap(Map<String, ?> config) throws RegistryException {
    if (config == null) {
      return DEFAULTS;
    }
    for (String key : config.keySet()) {
      if (!KEYS.contains(key)) {
        throw new RegistryException(
            key + ": unknown pg.scope config key; allowed: " + new TreeSet<>(KEYS));
      }
    }
    OptionalInt buffer = positiveInt(config, MONITOR_BUFFER);
    return new ScopeConfig(
        buffer.orElse(DEFAULT_MONITOR_BUFFER),
        positiveInt(config, MAX_GROUPS),
        positiveInt(config, MAX_MEMBERS_PER_GROUP));
  }

  private static OptionalInt positiveInt(Map<String, ?> config, String key)
      throws RegistryException {
    Object value = config.get(key);
    if (value == null) {
      return OptionalInt.empty();
    }
    boolean integral =
        value instanceof Integer
            || value instanceof Long
            || value instanceof Short
            || value instanceof Byte;
    if (integral
        && ((Number) value).longValue() >= 1
        && ((Number) value).longValue() <= Integer.MAX_VALUE) {
      return OptionalInt.of(((Number) value).intValue());
    }
    throw new RegistryException(key + ": must be an integer >= 1, got " + value);
  }
}
