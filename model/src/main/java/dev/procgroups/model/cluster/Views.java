package dev.procgroups.model.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Comparing membership views as multisets: member order across nodes is unspecified, multiplicity
 * (multi-join) counts, and a group with no members is the same as an absent group.
 */
public final class Views {

  private Views() {}

  /** Same PIDs with the same multiplicities, in any order. */
  public static boolean sameMembers(List<String> a, List<String> b) {
    return counts(a).equals(counts(b));
  }

  /** Same groups, each with the same members as multisets; empty groups are ignored. */
  public static boolean sameView(Map<String, List<String>> a, Map<String, List<String>> b) {
    return differences(a, b).isEmpty();
  }

  /** One line per group whose members differ ("group: expected [...] but was [...]"). */
  public static List<String> differences(
      Map<String, List<String>> expected, Map<String, List<String>> actual) {
    Set<String> groups = new LinkedHashSet<>(expected.keySet());
    groups.addAll(actual.keySet());
    List<String> lines = new ArrayList<>();
    for (String group : groups) {
      List<String> want = expected.getOrDefault(group, List.of());
      List<String> got = actual.getOrDefault(group, List.of());
      if (!sameMembers(want, got)) {
        lines.add(group + ": expected " + want + " but was " + got);
      }
    }
    return lines;
  }

  /** PID → number of slots. */
  public static Map<String, Integer> counts(List<String> pids) {
    Map<String, Integer> counts = new HashMap<>();
    pids.forEach(pid -> counts.merge(pid, 1, Integer::sum));
    return counts;
  }
}
