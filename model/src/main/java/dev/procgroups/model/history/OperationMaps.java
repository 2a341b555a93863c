package dev.procgroups.model.history;

import java.util.LinkedHashMap;
import java.util.Map;

/** Converts operations to and from their map form, shared by the EDN and JSON codecs. */
public final class OperationMaps {

  private static final Keyword NEMESIS = Keyword.of("nemesis");

  private OperationMaps() {}

  /** The op as Jepsen writes it: index, time, type, process, f, value, then the extra keys. */
  public static Map<Keyword, Object> toMap(Operation op) {
    Map<Keyword, Object> map = new LinkedHashMap<>();
    map.put(Operation.INDEX, op.index());
    map.put(Operation.TIME, op.time());
    map.put(Operation.TYPE, op.type().keyword());
    map.put(Operation.PROCESS, op.isClient() ? (Object) (long) op.process() : NEMESIS);
    map.put(Operation.F, op.f());
    map.put(Operation.VALUE, op.value());
    map.putAll(op.extra());
    return map;
  }

  /**
   * Reads an op map. {@code :type}, {@code :process}, {@code :f} and {@code :time} are required; a
   * missing {@code :index} (older Jepsen histories) becomes {@code defaultIndex}; a missing {@code
   * :value} is nil.
   */
  public static Operation fromMap(Object form, long defaultIndex) {
    if (!(form instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("an operation must be a map, got " + describe(form));
    }
    Map<Keyword, Object> extra = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof Keyword key)) {
        throw new IllegalArgumentException("operation key is not a keyword: " + e.getKey());
      }
      if (!Operation.STANDARD_KEYS.contains(key)) {
        extra.put(key, e.getValue());
      }
    }
    long index =
        map.containsKey(Operation.INDEX)
            ? required(map, Operation.INDEX, Long.class)
            : defaultIndex;
    long time = required(map, Operation.TIME, Long.class);
    OpType type = OpType.of(required(map, Operation.TYPE, Keyword.class));
    Keyword f = required(map, Operation.F, Keyword.class);
    return new Operation(
        index, time, type, process(map.get(Operation.PROCESS)), f, map.get(Operation.VALUE), extra);
  }

  private static int process(Object process) {
    if (NEMESIS.equals(process)) {
      return Operation.NEMESIS;
    }
    if (process instanceof Long p && p >= 0 && p <= Integer.MAX_VALUE) {
      return (int) (long) p;
    }
    throw new IllegalArgumentException(
        ":process must be a non-negative int or :nemesis, got " + describe(process));
  }

  private static <T> T required(Map<?, ?> map, Keyword key, Class<T> type) {
    Object value = map.get(key);
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          "operation needs "
              + key
              + " of type "
              + type.getSimpleName()
              + ", got "
              + describe(value));
    }
    return type.cast(value);
  }

  private static String describe(Object value) {
    return value == null
        ? "nil"
        : EdnWriter.write(value) + " (" + value.getClass().getSimpleName() + ")";
  }
}
