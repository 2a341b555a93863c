package dev.procgroups.model.node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Immutable copies that keep insertion order ({@code Map.copyOf} does not). */
final class Ordered {

  private Ordered() {}

  static <K, V> Map<K, V> copyOf(Map<K, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  static <K, V> Map<K, List<V>> copyOfLists(Map<K, List<V>> map) {
    Map<K, List<V>> copy = new LinkedHashMap<>();
    map.forEach((key, values) -> copy.put(key, List.copyOf(values)));
    return Collections.unmodifiableMap(copy);
  }

  /** A copy of {@code map} with {@code key} set to {@code value} (or removed if value is null). */
  static <K, V> Map<K, V> with(Map<K, V> map, K key, V value) {
    Map<K, V> copy = new LinkedHashMap<>(map);
    if (value == null) {
      copy.remove(key);
    } else {
      copy.put(key, value);
    }
    return Collections.unmodifiableMap(copy);
  }

  static <T> List<T> append(List<T> list, T value) {
    List<T> copy = new ArrayList<>(list);
    copy.add(value);
    return Collections.unmodifiableList(copy);
  }
}
