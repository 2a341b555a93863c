package dev.procgroups.replication;

import dev.procgroups.process.Pid;
import dev.procgroups.store.StoreChange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node's slots of one scope, as the core needs them: this node's own (for full syncs and
 * digests) or its replica of a peer's (for a heal that sends only the difference). Per group, each
 * pid with its slot count, so a join or leave costs O(1) whatever the group size.
 *
 * <p>A group holding one slot (the common case when there are many groups) is stored as that pid
 * alone; a map of counts is made only for a group's second slot.
 */
final class LocalSlots {
  /** Group → its only slot's pid (a Pid) or pid → slot count (a LinkedHashMap), in join order. */
  private final Map<String, Object> slotsByGroup = new LinkedHashMap<>();

  private long hash;

  /** The slots of a full state. */
  static LocalSlots of(Map<String, List<Pid>> pidsByGroup) {
    LocalSlots slots = new LocalSlots();
    slots.apply(StoreChange.Direction.JOIN, pidsByGroup);
    return slots;
  }

  LocalSlots copy() {
    LocalSlots c = new LocalSlots();
    slotsByGroup.forEach(
        (g, slots) ->
            c.slotsByGroup.put(
                g, slots instanceof Pid ? slots : new LinkedHashMap<>(counts(slots))));
    c.hash = hash;
    return c;
  }

  void apply(StoreChange.Direction direction, Map<String, List<Pid>> pidsByGroup) {
    for (Map.Entry<String, List<Pid>> e : pidsByGroup.entrySet()) {
      String group = e.getKey();
      for (Pid pid : e.getValue()) {
        if (direction == StoreChange.Direction.JOIN) {
          add(group, pid);
          hash += SlotHash.of(group, pid);
        } else if (remove(group, pid)) {
          hash -= SlotHash.of(group, pid);
        }
      }
    }
  }

  private void add(String group, Pid pid) {
    Object slots = slotsByGroup.putIfAbsent(group, pid);
    if (slots == null) {
      return;
    }
    if (slots instanceof Pid only) {
      LinkedHashMap<Pid, Integer> counts = new LinkedHashMap<>();
      counts.put(only, 1);
      slotsByGroup.put(group, counts);
      slots = counts;
    }
    counts(slots).merge(pid, 1, Integer::sum);
  }

  private boolean remove(String group, Pid pid) {
    Object slots = slotsByGroup.get(group);
    if (slots instanceof Pid only) {
      if (!only.equals(pid)) {
        return false;
      }
      slotsByGroup.remove(group);
      return true;
    }
    if (slots == null || !counts(slots).containsKey(pid)) {
      return false;
    }
    Map<Pid, Integer> counts = counts(slots);
    if (counts.merge(pid, -1, Integer::sum) == 0) {
      counts.remove(pid);
      if (counts.isEmpty()) {
        slotsByGroup.remove(group);
      }
    }
    return true;
  }

  long hash() {
    return hash;
  }

  /** Every slot, group by group, a pid repeated once per slot. */
  Map<String, List<Pid>> snapshot() {
    Map<String, List<Pid>> out = new LinkedHashMap<>();
    slotsByGroup.forEach(
        (group, slots) -> {
          if (slots instanceof Pid only) {
            out.put(group, List.of(only));
            return;
          }
          List<Pid> pids = new ArrayList<>();
          counts(slots).forEach((pid, n) -> pids.addAll(Collections.nCopies(n, pid)));
          out.put(group, Collections.unmodifiableList(pids));
        });
    return Collections.unmodifiableMap(out);
  }

  @SuppressWarnings("unchecked")
  private static Map<Pid, Integer> counts(Object slots) {
    return (Map<Pid, Integer>) slots;
  }
}
