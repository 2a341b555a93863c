package dev.procgroups.pg;

import java.util.List;
import java.util.Map;

/**
 * The bound on one message's payload (docs/DECISIONS.md): at most {@link #MAX_BYTES} in the wire
 * encoding (a tag byte per value, varint lengths and counts, UTF-8 strings). A larger one is
 * refused before it is delivered anywhere, so no process can make a node copy, queue or send
 * megabytes per call. The walk stops as soon as the bound is passed.
 */
public final class PayloadSize {
  public static final int MAX_BYTES = 1 << 20;

  private PayloadSize() {}

  /** Throws {@link IllegalArgumentException} naming {@code payload} if {@code value} is too big. */
  public static void check(Object value) {
    if (size(value, MAX_BYTES) > MAX_BYTES) {
      throw new IllegalArgumentException(
          "payload: larger than " + MAX_BYTES + " bytes encoded (" + (MAX_BYTES >> 20) + " MiB)");
    }
  }

  /** The encoded size of {@code value}, or some number above {@code budget} once it passes it. */
  private static long size(Object value, long budget) {
    if (value instanceof String s) {
      return 1 + string(s, budget);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      long v = ((Number) value).longValue();
      return 1 + varint((v << 1) ^ (v >> 63));
    }
    if (value instanceof Double || value instanceof Float) {
      return 9;
    }
    if (value instanceof List<?> list) {
      long total = 1 + varint(list.size());
      for (Object item : list) {
        total += size(item, budget - total);
        if (total > budget) {
          return total;
        }
      }
      return total;
    }
    if (value instanceof Map<?, ?> map) {
      long total = 1 + varint(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        total += string(String.valueOf(e.getKey()), budget - total);
        total += size(e.getValue(), budget - total);
        if (total > budget) {
          return total;
        }
      }
      return total;
    }
    if (value instanceof Object[] values) {
      return size(List.of(values), budget); // several values travel as a list
    }
    return 1; // nil and booleans
  }

  private static long string(String s, long budget) {
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
