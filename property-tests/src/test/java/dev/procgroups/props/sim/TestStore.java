package dev.procgroups.props.sim;

import dev.procgroups.node.ReplicatedStore;
import dev.procgroups.replication.StoreChange;
import dev.procgroups.replication.StoreChange.Direction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A small stand-in for the scope store: slots per origin node, the local calls (join, leave, exit
 * with docs/DECISIONS.md's order rules), peers' changes applied as {@link StoreChange}s, and one
 * event per group per change sent to subscriptions. With {@code dropResyncDiffEvents} it has
 * Erlang pg's bug: a resync notifies only groups that appear or vanish.
 */
final class TestStore implements ReplicatedStore {
  private final String self;
  private final boolean dropResyncDiffEvents;
  private final Map<String, Map<String, List<String>>> slotsByOrigin = new TreeMap<>();
  /** Per local pid, the groups of its slots in the order it entered them. */
  private final Map<String, List<String>> groupsByPid = new LinkedHashMap<>();
  private final List<Subscription> subscriptions = new ArrayList<>();
  private Consumer<StoreChange.Delta> localListener = d -> { };

  TestStore(String self, boolean dropResyncDiffEvents) {
    this.self = self;
    this.dropResyncDiffEvents = dropResyncDiffEvents;
  }

  @Override
  public void onLocalChange(Consumer<StoreChange.Delta> listener) {
    this.localListener = listener;
  }

  void join(String pid, List<String> groups) {
    Map<String, List<String>> added = new LinkedHashMap<>();
    for (String g : groups) {
      added.computeIfAbsent(g, k -> new ArrayList<>()).add(pid);
      groupsByPid.computeIfAbsent(pid, k -> new ArrayList<>()).add(g);
    }
    commitLocal(Direction.JOIN, added);
  }

  /** Removes one slot per element where the process still has one; false if none was removed. */
  boolean leave(String pid, List<String> groups) {
    List<String> entered = groupsByPid.getOrDefault(pid, new ArrayList<>());
    Map<String, List<String>> removed = new LinkedHashMap<>();
    for (String g : groups) {
      if (entered.lastIndexOf(g) >= 0) {
        entered.remove(entered.lastIndexOf(g));
        removed.computeIfAbsent(g, k -> new ArrayList<>()).add(pid);
      }
    }
    if (entered.isEmpty()) {
      groupsByPid.remove(pid);
    }
    if (!removed.isEmpty()) {
      commitLocal(Direction.LEAVE, removed);
    }
    return !removed.isEmpty();
  }

  /** A process exit: one change, groups in the order the process entered them. */
  void exit(String pid) {
    List<String> entered = groupsByPid.remove(pid);
    if (entered == null) {
      return;
    }
    Map<String, List<String>> removed = new LinkedHashMap<>();
    entered.forEach(g -> removed.computeIfAbsent(g, k -> new ArrayList<>()).add(pid));
    commitLocal(Direction.LEAVE, removed);
  }

  private void commitLocal(Direction direction, Map<String, List<String>> pidsByGroup) {
    StoreChange.Delta delta = new StoreChange.Delta(self, direction, pidsByGroup);
    applyDelta(delta);
    localListener.accept(delta);
  }

  @Override
  public void apply(StoreChange change) {
    if (change.origin().equals(self)) {
      throw new IllegalArgumentException("a peer's change about this node: " + change);
    }
    if (change instanceof StoreChange.Delta d) {
      applyDelta(d);
    } else if (change instanceof StoreChange.Sync s) {
      replace(s.origin(), s.pidsByGroup());
    } else {
      replace(change.origin(), Map.of());
    }
  }

  private void applyDelta(StoreChange.Delta d) {
    Map<String, List<String>> mine = slotsByOrigin.computeIfAbsent(d.origin(), o -> new TreeMap<>());
    d.pidsByGroup().forEach((group, pids) -> {
      List<String> slots = mine.computeIfAbsent(group, g -> new ArrayList<>());
      List<String> moved = new ArrayList<>();
      for (String pid : pids) {
        if (d.direction() == Direction.JOIN) {
          slots.add(pid);
          moved.add(pid);
        } else if (slots.lastIndexOf(pid) >= 0) {
          slots.remove(slots.lastIndexOf(pid));
          moved.add(pid);
        }
      }
      if (slots.isEmpty()) {
        mine.remove(group);
      }
      emit(new StoreEvent(d.direction() == Direction.JOIN, group, moved));
    });
  }

  private void replace(String origin, Map<String, List<String>> next) {
    Map<String, List<String>> before = slotsByOrigin.getOrDefault(origin, Map.of());
    Set<String> groups = new LinkedHashSet<>(before.keySet());
    groups.addAll(next.keySet());
    for (String g : groups) {
      List<String> old = before.getOrDefault(g, List.of());
      List<String> now = next.getOrDefault(g, List.of());
      if (dropResyncDiffEvents && !old.isEmpty() && !now.isEmpty()) {
        continue;
      }
      emit(new StoreEvent(false, g, Multisets.minus(old, now)));
      emit(new StoreEvent(true, g, Multisets.minus(now, old)));
    }
    Map<String, List<String>> copy = new TreeMap<>();
    next.forEach((g, pids) -> copy.put(g, new ArrayList<>(pids)));
    slotsByOrigin.put(origin, copy);
  }

  private void emit(StoreEvent e) {
    if (e.pids().isEmpty()) {
      return;
    }
    for (Subscription s : subscriptions) {
      if (s.wants(e.group())) {
        s.add(e);
      }
    }
  }

  /** Starts a subscription with an atomic snapshot (no change can fall between the two here). */
  Subscription monitor(String group) {
    Subscription started = new Subscription(group, Subscription.restrict(group, view()));
    subscriptions.add(started);
    return started;
  }

  List<Subscription> subscriptions() {
    return subscriptions;
  }

  /** Every slot this node sees, by group (a pid once per slot). */
  Map<String, List<String>> view() {
    Map<String, List<String>> all = new TreeMap<>();
    slotsByOrigin.values().forEach(byGroup -> byGroup.forEach(
        (g, pids) -> all.computeIfAbsent(g, k -> new ArrayList<>()).addAll(pids)));
    all.values().removeIf(List::isEmpty);
    return all;
  }

  /** The slots of one origin's processes as this node holds them. */
  Map<String, List<String>> slotsOf(String origin) {
    return slotsByOrigin.getOrDefault(origin, Map.of());
  }

  Set<String> origins() {
    return slotsByOrigin.keySet();
  }
}
