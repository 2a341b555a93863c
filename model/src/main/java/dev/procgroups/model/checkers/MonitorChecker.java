package dev.procgroups.model.checkers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks monitor streams: folding a subscription's events over its snapshot never removes a member
 * that is not there, and at the quiet end gives exactly its node's view (no drift). A subscription
 * that declared drops cannot be folded; it is counted, not judged.
 */
public final class MonitorChecker {

  public static final String NAME = "monitor";

  private MonitorChecker() {}

  public static CheckResult check(List<Subscription> subscriptions) {
    List<Problem> problems = new ArrayList<>();
    long folded = 0;
    long withDrops = 0;
    long droppedEvents = 0;
    long events = 0;
    for (Subscription s : subscriptions) {
      events += s.events().size();
      if (s.dropped() > 0) {
        withDrops++;
        droppedEvents += s.dropped();
        continue;
      }
      folded++;
      Bag view = fold(s, problems);
      if (s.viewAtRead() != null) {
        Bag actual = Bag.of(s.viewAtRead());
        if (!view.equals(actual)) {
          problems.add(problem(s, "drift", "events folded over the snapshot give " + view + " but the node's view is "
              + actual + " (missing from events: " + actual.minus(view) + ", extra: " + view.minus(actual) + ")"));
        }
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("subscriptions", (long) subscriptions.size());
    counts.put("folded", folded);
    counts.put("events", events);
    counts.put("subscriptions-with-drops", withDrops);
    counts.put("dropped-events", droppedEvents);
    return CheckResult.of(NAME, problems, folded, counts);
  }

  private static Bag fold(Subscription s, List<Problem> problems) {
    Bag members = Bag.of(s.snapshot());
    for (int i = 0; i < s.events().size(); i++) {
      MonitorEvent e = s.events().get(i);
      if (!e.group().equals(s.group())) {
        problems.add(problem(s, "wrong-group", "event " + i + " is for group " + e.group()));
      }
      if (e.pids().isEmpty()) {
        problems.add(problem(s, "empty-event", "event " + i + " (" + e.kind() + ") lists no PID"));
      }
      for (String pid : e.pids()) {
        if (e.kind() == MonitorEvent.Kind.JOINED) {
          members.add(pid);
        } else if (!members.remove(pid)) {
          problems.add(problem(s, "left-non-member", "event " + i + " says " + pid + " left, but folding gives it no"
              + " slot there"));
        }
      }
    }
    return members;
  }

  private static Problem problem(Subscription s, String kind, String detail) {
    return new Problem(kind, "subscription to " + s.group() + " on " + s.node() + ": " + detail,
        List.of(s.op(), s.readOp()));
  }
}
