package dev.procgroups.props.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Member lists compared as the spec compares them: multisets per group, empty groups absent. */
public final class Multisets {
  private Multisets() {}

  /** A canonical form: groups sorted, each group's pids sorted, empty groups removed. */
  public static TreeMap<String, List<String>> canonical(
      Map<String, ? extends List<String>> pidsByGroup) {
    TreeMap<String, List<String>> out = new TreeMap<>();
    pidsByGroup.forEach(
        (group, pids) -> {
          if (!pids.isEmpty()) {
            List<String> sorted = new ArrayList<>(pids);
            Collections.sort(sorted);
            out.merge(
                group,
                sorted,
                (a, b) -> {
                  List<String> both = new ArrayList<>(a);
                  both.addAll(b);
                  Collections.sort(both);
                  return both;
                });
          }
        });
    return out;
  }
}
