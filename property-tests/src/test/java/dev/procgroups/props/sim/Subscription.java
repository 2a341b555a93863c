package dev.procgroups.props.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A monitor of one group (or, with a null group, of the whole scope): the snapshot taken when it
 * started and every event since. Folding the events over the snapshot must give the node's view.
 */
final class Subscription {
  private final String group;
  private final Map<String, List<String>> snapshot;
  private final List<StoreEvent> events = new ArrayList<>();

  Subscription(String group, Map<String, List<String>> snapshot) {
    this.group = group;
    this.snapshot = snapshot;
  }

  boolean wants(String g) {
    return group == null || group.equals(g);
  }

  void add(StoreEvent e) {
    events.add(e);
  }

  /** The part of {@code view} this subscription watches. */
  Map<String, List<String>> watched(Map<String, List<String>> view) {
    return restrict(group, view);
  }

  /** What the subscriber believes the view is. */
  Map<String, List<String>> folded() {
    Map<String, List<String>> view = new LinkedHashMap<>();
    snapshot.forEach((g, pids) -> view.put(g, new ArrayList<>(pids)));
    for (StoreEvent e : events) {
      List<String> pids = view.computeIfAbsent(e.group(), g -> new ArrayList<>());
      if (e.joined()) {
        pids.addAll(e.pids());
      } else {
        e.pids().forEach(pids::remove);
      }
    }
    return view;
  }

  /** The part of a view a subscription of {@code group} (null: all) watches. */
  static Map<String, List<String>> restrict(String group, Map<String, List<String>> view) {
    if (group == null) {
      return view;
    }
    return view.containsKey(group) ? Map.of(group, view.get(group)) : Map.of();
  }

  @Override
  public String toString() {
    return "monitor(" + (group == null ? "*" : group) + ")";
  }
}
