package dev.procgroups.props.sim;

import dev.procgroups.process.Pid;
import dev.procgroups.process.Received;
import dev.procgroups.store.GroupEvent;
import dev.procgroups.store.Subscription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a subscriber of the real store saw: the snapshot taken with the subscription (of one group,
 * or of the whole scope with a null group) and every event since. Folding the events over the
 * snapshot must give the node's view.
 */
final class SubscriptionLog {
  private final String group;
  private final Map<String, List<String>> snapshot;
  private final Subscription subscription;
  private final List<GroupEvent> events = new ArrayList<>();

  SubscriptionLog(String group, Map<String, List<Pid>> snapshot, Subscription subscription) {
    this.group = group;
    this.snapshot = new LinkedHashMap<>();
    snapshot.forEach((g, pids) -> this.snapshot.put(g, strings(pids)));
    this.subscription = subscription;
  }

  /** Takes the events waiting in the channel, keeping those {@code keep} accepts. */
  void drain(Predicate<GroupEvent> keep) {
    for (Optional<Received<GroupEvent>> r = subscription.channel().poll();
        r.isPresent();
        r = subscription.channel().poll()) {
      if (r.get().ok() && keep.test(r.get().value())) {
        events.add(r.get().value());
      }
    }
  }

  long dropped() {
    return subscription.dropped();
  }

  /** What the subscriber believes the view is. */
  Map<String, List<String>> folded() {
    drain(e -> true);
    Map<String, List<String>> view = new LinkedHashMap<>();
    snapshot.forEach((g, pids) -> view.put(g, new ArrayList<>(pids)));
    for (GroupEvent e : events) {
      List<String> pids = view.computeIfAbsent(e.group(), g -> new ArrayList<>());
      if (e.kind() == GroupEvent.Kind.JOINED) {
        pids.addAll(strings(e.pids()));
      } else {
        strings(e.pids()).forEach(pids::remove);
      }
    }
    return view;
  }

  /** The part of {@code view} this subscription watches. */
  Map<String, List<String>> watched(Map<String, List<String>> view) {
    if (group == null) {
      return view;
    }
    return view.containsKey(group) ? Map.of(group, view.get(group)) : Map.of();
  }

  static List<String> strings(List<Pid> pids) {
    return pids.stream().map(Pid::toString).toList();
  }

  @Override
  public String toString() {
    return group == null ? "events()" : "monitor(" + group + ")";
  }
}
