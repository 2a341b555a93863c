package dev.procgroups.model.history;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One event of a history, in Jepsen's shape: {@code {:index 3, :time 1200, :type :ok, :process 1,
 * :f :join, :value {...}}}. Further keys (such as {@code :error}) are kept in {@code extra}.
 *
 * @param index position in the history, from 0
 * @param time nanoseconds since the start of the test
 * @param process the client process; {@link #NEMESIS} for Jepsen's {@code :nemesis}
 * @param value a value accepted by {@link Values#canonical(Object)}
 * @param extra further keys, never one of the six standard ones
 */
public record Operation(
    long index,
    long time,
    OpType type,
    int process,
    Keyword f,
    Object value,
    Map<Keyword, Object> extra) {

  /** The process number that stands for Jepsen's {@code :nemesis}. */
  public static final int NEMESIS = -1;

  public static final Keyword INDEX = Keyword.of("index");
  public static final Keyword TIME = Keyword.of("time");
  public static final Keyword TYPE = Keyword.of("type");
  public static final Keyword PROCESS = Keyword.of("process");
  public static final Keyword F = Keyword.of("f");
  public static final Keyword VALUE = Keyword.of("value");
  public static final Keyword ERROR = Keyword.of("error");
  static final Set<Keyword> STANDARD_KEYS = Set.of(INDEX, TIME, TYPE, PROCESS, F, VALUE);

  public Operation {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(f, "f");
    if (process < NEMESIS) {
      throw new IllegalArgumentException("process must be >= 0 or NEMESIS, was " + process);
    }
    value = Values.canonical(value);
    @SuppressWarnings("unchecked")
    Map<Keyword, Object> checked =
        extra == null ? Map.of() : (Map<Keyword, Object>) Values.canonical(extra);
    for (Keyword key : checked.keySet()) {
      if (STANDARD_KEYS.contains(key)) {
        throw new IllegalArgumentException("extra must not hold the standard key " + key);
      }
    }
    extra = checked;
  }

  public Operation(long index, long time, OpType type, int process, Keyword f, Object value) {
    this(index, time, type, process, f, value, Map.of());
  }

  /** The {@code :error} entry, or null. */
  public Object error() {
    return extra.get(ERROR);
  }

  public boolean isClient() {
    return process != NEMESIS;
  }

  public Operation withIndex(long newIndex) {
    return new Operation(newIndex, time, type, process, f, value, extra);
  }

  public Operation withType(OpType newType) {
    return new Operation(index, time, newType, process, f, value, extra);
  }

  public Operation withValue(Object newValue) {
    return new Operation(index, time, type, process, f, newValue, extra);
  }

  @Override
  public String toString() {
    return EdnWriter.write(OperationMaps.toMap(this));
  }
}
