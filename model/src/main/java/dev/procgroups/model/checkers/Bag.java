package dev.procgroups.model.checkers;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** A multiset of strings (member lists compare as multisets: a PID once per slot). */
final class Bag {

  private final TreeMap<String, Long> counts = new TreeMap<>();

  static Bag of(Collection<String> items) {
    Bag bag = new Bag();
    items.forEach(bag::add);
    return bag;
  }

  void add(String item) {
    counts.merge(item, 1L, Long::sum);
  }

  /** Removes one occurrence; false (and no change) if there was none. */
  boolean remove(String item) {
    Long n = counts.get(item);
    if (n == null) {
      return false;
    }
    if (n == 1) {
      counts.remove(item);
    } else {
      counts.put(item, n - 1);
    }
    return true;
  }

  long count(String item) {
    return counts.getOrDefault(item, 0L);
  }

  boolean isEmpty() {
    return counts.isEmpty();
  }

  /** The items of this bag beyond those of {@code other}, with how many more. */
  Map<String, Long> minus(Bag other) {
    Map<String, Long> extra = new TreeMap<>();
    counts.forEach(
        (item, n) -> {
          long more = n - other.count(item);
          if (more > 0) {
            extra.put(item, more);
          }
        });
    return extra;
  }

  Map<String, Long> asMap() {
    return java.util.Collections.unmodifiableMap(counts);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bag b && b.counts.equals(counts);
  }

  @Override
  public int hashCode() {
    return counts.hashCode();
  }

  @Override
  public String toString() {
    return counts.toString();
  }
}
