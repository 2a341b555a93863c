package dev.procgroups.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Multiset arithmetic on lists, keeping the order of the first list. */
final class Multisets {
  private Multisets() {}

  /**
   * The elements of {@code a} left after removing each element of {@code b} once per occurrence.
   */
  static <T> List<T> minus(List<T> a, List<T> b) {
    Map<T, Integer> toRemove = new HashMap<>();
    for (T t : b) {
      toRemove.merge(t, 1, Integer::sum);
    }
    List<T> out = new ArrayList<>();
    for (T t : a) {
      Integer n = toRemove.get(t);
      if (n == null) {
        out.add(t);
      } else if (n == 1) {
        toRemove.remove(t);
      } else {
        toRemove.put(t, n - 1);
      }
    }
    return out;
  }
}
