package dev.procgroups.model.checkers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks monitor streams: folding a subscription's events over its snapshot never removes a member
 * that is not there, and at the quiet end gives exactly its node's view (no drift). Of a
 * subscription that declared drops only the slice before the first drop can be folded (no drift
 * check): coverage counts the events folded against every event the node produced (received or
 * dropped).
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
    long foldedEvents = 0;
    for (Subscription s : subscriptions) {
      events += s.events().size();
      Bag view = fold(s, problems);
      foldedEvents += s.beforeDrops();
      if (s.dropped() > 0) {
        withDrops++;
        droppedEvents += s.dropped();
        continue;
      }
      folded++;
      if (s.viewAtRead() != null) {
        Bag actual = Bag.of(s.viewAtRead());
        if (!view.equals(actual)) {
          problems.add(
              problem(
                  s,
                  "drift",
                  "events folded over the snapshot give "
                      + view
                      + " but the node's view is "
                      + actual
                      + " (missing from events: "
                      + actual.minus(view)
                      + ", extra: "
                      + view.minus(actual)
                      + ")"));
        }
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("subscriptions", (long) subscriptions.size());
    counts.put("folded", folded);
    counts.put("events", events);
    counts.put("subscriptions-with-drops", withDrops);
    counts.put("dropped-events", droppedEvents);
    counts.put("folded-events", foldedEvents);
    // A subscription with no events yet is checked too (its snapshot against the view): count it.
    long emptyChecked =
        subscriptions.stream().filter(s -> s.events().isEmpty() && s.dropped() == 0).count();
    return CheckResult.of(
        NAME, problems, foldedEvents + emptyChecked, events + droppedEvents + emptyChecked, counts);
  }

  /** Folds the events before the first drop (all of them if none) over the snapshot. */
  private static Bag fold(Subscription s, List<Problem> problems) {
    Bag members = Bag.of(s.snapshot());
    for (int i = 0; i < s.beforeDrops(); i++) {
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
          problems.add(
              problem(
                  s,
                  "left-non-member",
                  "event "
                      + i
                      + " says "
                      + pid
                      + " left, but folding gives it no"
                      + " slot there"));
        }
      }
    }
    return members;
  }

  private static Problem problem(Subscription s, String kind, String detail) {
    return new Problem(
        kind,
        "subscription to " + s.group() + " on " + s.node() + ": " + detail,
        List.of(s.op(), s.readOp()));
  }
}
