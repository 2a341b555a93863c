package dev.procgroups.pg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies broadcast payloads into immutable values that may cross processes (docs/DECISIONS.md):
 * nil, booleans, numbers (as Long or Double), strings, and lists / string-keyed maps of these,
 * nested at most 32 deep and acyclic. Anything else is INVALID naming {@code payload}.
 */
final class Payloads {

  static final int MAX_DEPTH = 32;

  private Payloads() {}

  /** Zero values → null, one → its copy, several → an immutable list of copies. */
  static Object copy(Object[] values) throws PgException {
    if (values == null || values.length == 0) {
      return null;
    }
    if (values.length == 1) {
      return copy(values[0], "payload", 1, Collections.newSetFromMap(new IdentityHashMap<>()));
    }
    List<Object> out = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) {
      out.add(copy(values[i], "payload[" + (i + 1) + "]", 1,
          Collections.newSetFromMap(new IdentityHashMap<>())));
    }
    return Collections.unmodifiableList(out);
  }

  private static Object copy(Object value, String where, int depth, Set<Object> path)
      throws PgException {
    if (value == null || value instanceof Boolean || value instanceof String
        || value instanceof Long || value instanceof Double) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (!(value instanceof List<?>) && !(value instanceof Map<?, ?>)) {
      throw PgException.invalid(where + " cannot be copied: " + Arguments.typeName(value));
    }
    if (depth > MAX_DEPTH) {
      throw PgException.invalid(where + " is nested deeper than " + MAX_DEPTH);
    }
    if (!path.add(value)) {
      throw PgException.invalid(where + " contains a cycle");
    }
    Object copied = value instanceof List<?> list
        ? copyList(list, where, depth, path)
        : copyMap((Map<?, ?>) value, where, depth, path);
    path.remove(value);
    return copied;
  }

  private static List<Object> copyList(List<?> list, String where, int depth, Set<Object> path)
      throws PgException {
    List<Object> out = new ArrayList<>(list.size());
    for (Object element : list) {
      out.add(copy(element, where, depth + 1, path));
    }
    return Collections.unmodifiableList(out);
  }

  private static Map<String, Object> copyMap(Map<?, ?> map, String where, int depth,
      Set<Object> path) throws PgException {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw PgException.invalid(
            where + " has a map key that is not a string: " + Arguments.typeName(e.getKey()));
      }
      out.put(key, copy(e.getValue(), where, depth + 1, path));
    }
    return Collections.unmodifiableMap(out);
  }
}
