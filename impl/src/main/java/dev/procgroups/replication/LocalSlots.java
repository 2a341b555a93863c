package dev.procgroups.replication;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * This node's own slots of one scope, as the core needs them for full syncs and digests: per
 * group, each pid with its slot count, so a join or leave costs O(1) whatever the group size.
 */
final class LocalSlots {
  private final Map<String, LinkedHashMap<String, Integer>> countsByGroup = new LinkedHashMap<>();
  private long hash;

  LocalSlots copy() {
    LocalSlots c = new LocalSlots();
    countsByGroup.forEach((g, counts) -> c.countsByGroup.put(g, new LinkedHashMap<>(counts)));
    c.hash = hash;
    return c;
  }

  void apply(StoreChange.Direction direction, Map<String, List<String>> pidsByGroup) {
    for (Map.Entry<String, List<String>> e : pidsByGroup.entrySet()) {
      String group = e.getKey();
      for (String pid : e.getValue()) {
        if (direction == StoreChange.Direction.JOIN) {
          countsByGroup.computeIfAbsent(group, g -> new LinkedHashMap<>()).merge(pid, 1, Integer::sum);
          hash += SlotHash.of(group, pid);
        } else if (remove(group, pid)) {
          hash -= SlotHash.of(group, pid);
        }
      }
    }
  }

  private boolean remove(String group, String pid) {
    Map<String, Integer> counts = countsByGroup.get(group);
    if (counts == null || !counts.containsKey(pid)) {
      return false;
    }
    if (counts.merge(pid, -1, Integer::sum) == 0) {
      counts.remove(pid);
      if (counts.isEmpty()) {
        countsByGroup.remove(group);
      }
    }
    return true;
  }

  long hash() {
    return hash;
  }

  /** Every slot, group by group, a pid repeated once per slot. */
  Map<String, List<String>> snapshot() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    countsByGroup.forEach((group, counts) -> {
      List<String> pids = new ArrayList<>();
      counts.forEach((pid, n) -> pids.addAll(Collections.nCopies(n, pid)));
      out.put(group, Collections.unmodifiableList(pids));
    });
    return Collections.unmodifiableMap(out);
  }
}
