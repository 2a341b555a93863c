package dev.procgroups.props.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks broadcast delivery: each broadcast (numbered in send order) reaches a process at most as
 * many times as the process had slots in the sender's view, and one sender's broadcasts reach one
 * receiver in the order they were sent.
 */
final class BroadcastLedger {
  private final Map<Long, Map<String, Integer>> slotsById = new HashMap<>();
  private final Map<String, Integer> deliveredCount = new HashMap<>();
  private final Map<String, Long> lastIdByPair = new HashMap<>();
  private final List<String> violations = new ArrayList<>();
  private long lastId;

  /** Records a new broadcast to these targets (once per slot); returns its number. */
  long sent(List<String> targets) {
    Map<String, Integer> slots = new HashMap<>();
    targets.forEach(t -> slots.merge(t, 1, Integer::sum));
    slotsById.put(++lastId, slots);
    return lastId;
  }

  void delivered(String from, String to, long id) {
    int n = deliveredCount.merge(id + " " + to, 1, Integer::sum);
    if (n > slotsById.getOrDefault(id, Map.of()).getOrDefault(to, 0)) {
      violations.add("broadcast " + id + " delivered " + n + " times to " + to);
    }
    Long previous = lastIdByPair.put(from + " " + to, id);
    if (previous != null && previous > id) {
      violations.add("broadcast " + id + " from " + from + " reached " + to + " after " + previous);
    }
  }

  List<String> violations() {
    return violations;
  }
}
