package dev.procgroups.model.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values an operation may carry, as plain Java objects: {@code null}, {@link String}, {@link
 * Long}, {@link Double}, {@link Boolean}, {@link Keyword}, {@link List} (an EDN vector) and {@link
 * Map} with {@link Keyword} keys (an EDN map, insertion-ordered). Keyword-only keys keep the JSON
 * form lossless: JSON object keys are the keyword names.
 */
public final class Values {

  private Values() {}

  /**
   * Checks {@code value} and returns an immutable copy in canonical form (Integer → Long, Float →
   * Double, collections copied). Throws {@link IllegalArgumentException} naming the path of the
   * first value that is not allowed.
   */
  public static Object canonical(Object value) {
    return canonical(value, "value");
  }

  private static Object canonical(Object value, String path) {
    if (value == null
        || value instanceof String
        || value instanceof Long
        || value instanceof Double
        || value instanceof Boolean
        || value instanceof Keyword) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        copy.add(canonical(list.get(i), path + "[" + i + "]"));
      }
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Map<?, ?> map) {
      Map<Keyword, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof Keyword key)) {
          throw new IllegalArgumentException(
              path + " has a map key that is not a keyword: " + e.getKey());
        }
        copy.put(key, canonical(e.getValue(), path + "." + key.name()));
      }
      return Collections.unmodifiableMap(copy);
    }
    throw new IllegalArgumentException(
        path + " has unsupported type " + value.getClass().getName());
  }

  /** A map from alternating keyword names and values: {@code map("pid", p, "group", g)}. */
  public static Map<Keyword, Object> map(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("odd number of arguments");
    }
    Map<Keyword, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(Keyword.of((String) namesAndValues[i]), namesAndValues[i + 1]);
    }
    @SuppressWarnings("unchecked")
    Map<Keyword, Object> result = (Map<Keyword, Object>) canonical(map);
    return result;
  }
}
