package dev.procgroups.model.node;

import dev.procgroups.model.ErrorKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validation of API arguments given as Lua values (DECISIONS.md, "Arguments"). Every failure is an
 * INVALID rejection whose message starts with the argument's name.
 */
final class LuaArguments {

  static final int MAX_NAME_BYTES = 1024;
  static final int MAX_PAYLOAD_DEPTH = 32;

  private LuaArguments() {}

  /** A group name or topic: a non-empty string of at most 1024 UTF-8 bytes. */
  static String name(Object value, String argument) {
    if (!(value instanceof String)) {
      throw invalid(argument, value == null ? "missing" : "must be a string");
    }
    String name = (String) value;
    if (name.isEmpty()) {
      throw invalid(argument, "must not be empty");
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
      throw invalid(argument, "longer than " + MAX_NAME_BYTES + " bytes");
    }
    return name;
  }

  /** A single group name, or a non-empty batch of names (element i is named {@code group[i]}). */
  static List<String> groups(Object value) {
    if (!(value instanceof List)) {
      return List.of(name(value, "group"));
    }
    List<?> batch = (List<?>) value;
    if (batch.isEmpty()) {
      throw invalid("group", "empty batch");
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      names.add(name(batch.get(i), "group[" + (i + 1) + "]"));
    }
    return names;
  }

  /** A scope id {@code namespace:name}: one colon, both parts non-empty. */
  static String scopeId(Object value) {
    String id = name(value, "scope");
    int colon = id.indexOf(':');
    if (colon <= 0 || colon == id.length() - 1 || id.indexOf(':', colon + 1) >= 0) {
      throw invalid("scope", "must be namespace:name");
    }
    return id;
  }

  /**
   * Broadcast varargs as the receiver gets them: zero values → nil, one → that value, several → a
   * list. Each value must be copyable between processes; the result is an immutable deep copy.
   */
  static Object packedPayload(List<Object> values) {
    List<Object> copies = new ArrayList<>();
    for (Object value : values) {
      copies.add(copy(value, 0, Collections.newSetFromMap(new IdentityHashMap<>())));
    }
    if (copies.isEmpty()) {
      return null;
    }
    return copies.size() == 1 ? copies.get(0) : Collections.unmodifiableList(copies);
  }

  private static Object copy(Object value, int depth, Set<Object> path) {
    if (value == null
        || value instanceof Boolean
        || value instanceof String
        || value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte
        || value instanceof Double
        || value instanceof Float) {
      return value;
    }
    if (!(value instanceof List) && !(value instanceof Map)) {
      throw invalid("payload", "cannot copy a " + value.getClass().getSimpleName());
    }
    if (depth >= MAX_PAYLOAD_DEPTH) {
      throw invalid("payload", "nested deeper than " + MAX_PAYLOAD_DEPTH);
    }
    if (!path.add(value)) {
      throw invalid("payload", "contains a cycle");
    }
    Object copied =
        value instanceof List
            ? copyList((List<?>) value, depth, path)
            : copyMap((Map<?, ?>) value, depth, path);
    path.remove(value);
    return copied;
  }

  private static List<Object> copyList(List<?> list, int depth, Set<Object> path) {
    List<Object> copied = new ArrayList<>();
    for (Object element : list) {
      copied.add(copy(element, depth + 1, path));
    }
    return Collections.unmodifiableList(copied);
  }

  private static Map<String, Object> copyMap(Map<?, ?> map, int depth, Set<Object> path) {
    Map<String, Object> copied = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String)) {
        throw invalid("payload", "table keys must be strings");
      }
      copied.put((String) entry.getKey(), copy(entry.getValue(), depth + 1, path));
    }
    return Collections.unmodifiableMap(copied);
  }

  static Rejection invalid(String argument, String reason) {
    return new Rejection(ErrorKind.INVALID, argument + ": " + reason);
  }
}
