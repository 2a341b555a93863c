package dev.procgroups.process;

import java.util.List;
import java.util.Map;

/**
 * The one rule for a payload's size: its bytes in the wire encoding (a tag byte per value, zigzag
 * varints for whole numbers, 8 bytes per double, varint lengths and counts, UTF-8 strings; map keys
 * are strings without a tag). {@link Payloads} adds it up while it copies a payload (no extra
 * pass); the payload bound ({@code pg.PayloadSize}) and the mailbox's byte bound both use it.
 */
public final class EncodedSize {

  private EncodedSize() {}

  /** The encoded size of {@code value}, or some number above {@code budget} once it passes it. */
  public static long of(Object value, long budget) {
    if (value instanceof String s) {
      return 1 + string(s, budget);
    }
    if (value instanceof List<?> list) {
      long total = container(list.size());
      for (Object item : list) {
        total += of(item, budget - total);
        if (total > budget) {
          return total;
        }
      }
      return total;
    }
    if (value instanceof Map<?, ?> map) {
      long total = container(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        total += string(String.valueOf(e.getKey()), budget - total);
        total += of(e.getValue(), budget - total);
        if (total > budget) {
          return total;
        }
      }
      return total;
    }
    if (value instanceof Object[] values) {
      return of(List.of(values), budget); // several values travel as a list
    }
    return scalar(value);
  }

  /** A value that is neither a string nor a container: nil, booleans, numbers. */
  static int scalar(Object value) {
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      long v = ((Number) value).longValue();
      return 1 + varint((v << 1) ^ (v >> 63));
    }
    if (value instanceof Double || value instanceof Float) {
      return 9;
    }
    return 1; // nil and booleans
  }

  /** A list's or map's tag and count (its elements come on top). */
  static int container(int count) {
    return 1 + varint(count);
  }

  /** A string without its tag: its UTF-8 length as a varint, then the bytes. */
  static long string(String s, long budget) {
    if (s.length() > budget) {
      return s.length(); // at least a byte a char: over already
    }
    long bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return varint(bytes) + bytes;
  }

  private static int varint(long v) {
    return Math.max(1, (64 - Long.numberOfLeadingZeros(v) + 6) / 7);
  }
}
