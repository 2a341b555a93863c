package dev.procgroups.process;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place that decides what a message payload may hold and copies it, so that a receiver
 * never shares mutable state with the sender (docs/DECISIONS.md, "Arguments").
 *
 * <p>Copyable values: {@code null}, {@link Boolean}, whole numbers ({@link Long}, {@link Integer},
 * {@link Short}, {@link Byte}, copied as {@link Long}), floating point numbers ({@link Double},
 * {@link Float}, copied as {@link Double}), {@link String}, and {@link List}s and string-keyed
 * {@link Map}s of copyable values, at most {@value Limits#MAX_PAYLOAD_DEPTH} containers deep and
 * acyclic. Copies of lists and maps are unmodifiable (maps keep their iteration order), so one copy
 * may be handed to many receivers. Anything else is rejected with an {@link
 * InvalidPayloadException}, which callers map to INVALID naming {@code payload}.
 *
 * <p>Packing of a message's values (SEMANTICS.md, "Broadcast"): zero values → {@code null}, one
 * value → that value, several → a list of them. The copy adds up the packed payload's {@link
 * EncodedSize} on the way ({@link #packSized}), which a mailbox charges for it.
 */
public final class Payloads {

  private Payloads() {}

  /** A packed payload and its {@link EncodedSize}, added up while it was copied. */
  public record Packed(Object payload, long bytes) {}

  /** Validates, copies and packs the values of one message. A null array means zero values. */
  public static Object pack(Object... values) {
    return packSized(values).payload();
  }

  /** Like {@link #pack(Object...)}, with the packed payload's encoded size. */
  public static Packed packSized(Object... values) {
    return packAll(values == null ? List.of() : Arrays.asList(values));
  }

  /** Like {@link #packSized(Object...)} for values already in a list. */
  public static Packed packAll(List<?> values) {
    Size size = new Size();
    if (values.size() == 1) {
      return new Packed(copy(values.get(0), size), size.bytes);
    }
    if (values.isEmpty()) {
      return new Packed(null, EncodedSize.scalar(null));
    }
    size.bytes = EncodedSize.container(values.size());
    List<Object> packed = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      try {
        packed.add(copyValue(values.get(i), 0, size));
      } catch (Failure f) {
        throw f.at("[" + (i + 1) + "]", null).toException();
      }
    }
    return new Packed(Collections.unmodifiableList(packed), size.bytes);
  }

  /** Validates and deep-copies one value. */
  public static Object copy(Object value) {
    return copy(value, new Size());
  }

  private static Object copy(Object value, Size size) {
    try {
      return copyValue(value, 0, size);
    } catch (Failure f) {
      throw f.toException();
    }
  }

  /** True if {@link #copy(Object)} would accept {@code value}. */
  public static boolean isCopyable(Object value) {
    try {
      copyValue(value, 0, new Size());
      return true;
    } catch (Failure f) {
      return false;
    }
  }

  private static Object copyValue(Object value, int depth, Size size) {
    if (value instanceof String s) {
      size.bytes += 1 + EncodedSize.string(s, Long.MAX_VALUE);
      return value;
    }
    if (value == null
        || value instanceof Boolean
        || value instanceof Long
        || value instanceof Double) {
      size.bytes += EncodedSize.scalar(value);
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      size.bytes += EncodedSize.scalar(value);
      return ((Number) value).longValue();
    }
    if (value instanceof Float) {
      size.bytes += EncodedSize.scalar(value);
      return ((Float) value).doubleValue();
    }
    if (value instanceof List || value instanceof Map) {
      if (depth == Limits.MAX_PAYLOAD_DEPTH) {
        throw new Failure("nested deeper than " + Limits.MAX_PAYLOAD_DEPTH + " levels")
            .at("", value);
      }
      return value instanceof List
          ? copyList((List<?>) value, depth + 1, size)
          : copyMap((Map<?, ?>) value, depth + 1, size);
    }
    throw new Failure("a " + value.getClass().getName() + " cannot be copied");
  }

  private static List<Object> copyList(List<?> list, int depth, Size size) {
    size.bytes += EncodedSize.container(list.size());
    List<Object> copy = new ArrayList<>(list.size());
    int index = 1;
    for (Object element : list) {
      try {
        copy.add(copyValue(element, depth, size));
      } catch (Failure f) {
        throw f.at("[" + index + "]", list);
      }
      index++;
    }
    return Collections.unmodifiableList(copy);
  }

  private static Map<String, Object> copyMap(Map<?, ?> map, int depth, Size size) {
    size.bytes += EncodedSize.container(map.size());
    Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 4 / 3 + 1));
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String)) {
        throw new Failure("map key " + entry.getKey() + " is not a string").at("", map);
      }
      String key = (String) entry.getKey();
      size.bytes += EncodedSize.string(key, Long.MAX_VALUE);
      try {
        copy.put(key, copyValue(entry.getValue(), depth, size));
      } catch (Failure f) {
        throw f.at("." + key, map);
      }
    }
    return Collections.unmodifiableMap(copy);
  }

  /** The encoded bytes a copy has walked so far. */
  private static final class Size {
    long bytes;
  }

  /** Unwinds the copy, collecting the path to the bad value and the containers on it. */
  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Deque<String> path = new ArrayDeque<>();
    private final transient List<Object> containers = new ArrayList<>();

    Failure(String reason) {
      super(reason, null, false, false);
    }

    Failure at(String segment, Object container) {
      path.addFirst(segment);
      if (container != null) {
        containers.add(container);
      }
      return this;
    }

    InvalidPayloadException toException() {
      String where = String.join("", path);
      String reason = isCycle() ? "cyclic" : getMessage();
      return new InvalidPayloadException(
          "payload: " + reason + (where.isEmpty() ? "" : " (at payload" + where + ")"));
    }

    private boolean isCycle() {
      Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Object container : containers) {
        if (!seen.add(container)) {
          return true;
        }
      }
      return false;
    }
  }
}
