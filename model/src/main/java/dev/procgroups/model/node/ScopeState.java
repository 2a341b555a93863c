package dev.procgroups.model.node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One scope's membership on one node: the local slots in join order (one entry per join, so a
 * process joined twice appears twice), and the replicated slots of every remote origin (origin →
 * group → PIDs). The node's view of a group is its local slots followed by the remote ones, origin
 * by origin; only the multiset is specified across nodes.
 */
public record ScopeState(
    String id,
    ScopeConfig config,
    boolean stopped,
    List<Slot> local,
    Map<String, Map<String, List<String>>> remote) {

  public ScopeState {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(config, "config");
    local = List.copyOf(local);
    Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>();
    remote.forEach((origin, slots) -> copy.put(origin, Ordered.copyOfLists(slots)));
    remote = Collections.unmodifiableMap(copy);
  }

  static ScopeState fresh(String id, ScopeConfig config) {
    return new ScopeState(id, config, false, List.of(), Map.of());
  }

  /** Local slots of {@code group}, in join order. */
  public List<String> localMembers(String group) {
    List<String> pids = new ArrayList<>();
    for (Slot slot : local) {
      if (slot.group().equals(group)) {
        pids.add(slot.pid());
      }
    }
    return pids;
  }

  /** Every slot of {@code group} this node knows: local first, then each remote origin's. */
  public List<String> members(String group) {
    List<String> pids = localMembers(group);
    for (Map<String, List<String>> slots : remote.values()) {
      pids.addAll(slots.getOrDefault(group, List.of()));
    }
    return pids;
  }

  /** Groups with at least one local slot, in the order of their oldest local slot. */
  public List<String> localGroups() {
    Set<String> groups = new LinkedHashSet<>();
    for (Slot slot : local) {
      groups.add(slot.group());
    }
    return List.copyOf(groups);
  }

  /** Groups with at least one slot anywhere in this node's view. */
  public List<String> groups() {
    Set<String> groups = new LinkedHashSet<>(localGroups());
    remote.values().forEach(slots -> groups.addAll(slots.keySet()));
    return List.copyOf(groups);
  }

  /** Group → members for every group in the view (what an {@code events()} snapshot shows). */
  public Map<String, List<String>> view() {
    Map<String, List<String>> view = new LinkedHashMap<>();
    for (String group : groups()) {
      view.put(group, members(group));
    }
    return view;
  }

  /** Group → local members for every group with a local slot. */
  public Map<String, List<String>> localView() {
    Map<String, List<String>> view = new LinkedHashMap<>();
    for (String group : localGroups()) {
      view.put(group, localMembers(group));
    }
    return view;
  }

  /** The slots this node holds for {@code origin}: group → PIDs (empty if none). */
  public Map<String, List<String>> remoteSlots(String origin) {
    return remote.getOrDefault(origin, Map.of());
  }

  /** The groups {@code pid} is in, oldest surviving slot first, with its slot count in each. */
  Map<String, Integer> slotCountsOf(String pid) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Slot slot : local) {
      if (slot.pid().equals(pid)) {
        counts.merge(slot.group(), 1, Integer::sum);
      }
    }
    return counts;
  }

  ScopeState withJoined(String pid, List<String> groups) {
    List<Slot> slots = new ArrayList<>(local);
    groups.forEach(group -> slots.add(new Slot(pid, group)));
    return withLocal(slots);
  }

  /** Removes the most recent slot of {@code pid} in {@code group}; null if it has none. */
  ScopeState withoutLatestSlot(String pid, String group) {
    int index = local.lastIndexOf(new Slot(pid, group));
    if (index < 0) {
      return null;
    }
    List<Slot> slots = new ArrayList<>(local);
    slots.remove(index);
    return withLocal(slots);
  }

  ScopeState withoutProcess(String pid) {
    List<Slot> slots = new ArrayList<>(local);
    slots.removeIf(slot -> slot.pid().equals(pid));
    return withLocal(slots);
  }

  /** Replaces the slots held for {@code origin}; groups with no PIDs are left out. */
  ScopeState withRemote(String origin, Map<String, List<String>> slots) {
    Map<String, List<String>> kept = new LinkedHashMap<>();
    slots.forEach(
        (group, pids) -> {
          if (!pids.isEmpty()) {
            kept.put(group, pids);
          }
        });
    return new ScopeState(
        id, config, stopped, local, Ordered.with(remote, origin, kept.isEmpty() ? null : kept));
  }

  ScopeState stop() {
    return new ScopeState(id, config, true, List.of(), Map.of());
  }

  private ScopeState withLocal(List<Slot> slots) {
    return new ScopeState(id, config, stopped, slots, remote);
  }
}
