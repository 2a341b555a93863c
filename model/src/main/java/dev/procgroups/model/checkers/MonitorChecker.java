package dev.procgroups.model.checkers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks monitor streams: folding a subscription's events over its snapshot never removes a member
 * that is not there, and at the quiet end gives exactly its node's view (no drift). Of a
 * subscription that declared drops, the slice before the first drop is folded over the snapshot and
 * the slice after the last drop is unfolded back from the final view (each event that joined a PID
 * must find it there, once the later events are undone); the reads between are not checked. A
 * subscription whose node was killed has no final view: its slice before any drop is folded.
 * Coverage counts the events checked against every event the node produced (received or dropped).
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
    long unfoldedEvents = 0;
    long ended = 0;
    for (Subscription s : subscriptions) {
      events += s.events().size();
      ended += s.ended() ? 1 : 0;
      Bag view = fold(s, problems);
      foldedEvents += s.beforeDrops();
      if (s.dropped() > 0) {
        withDrops++;
        droppedEvents += s.dropped();
        if (s.viewAtRead() != null) {
          unfold(s, problems);
          unfoldedEvents += s.afterDrops();
        }
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
    counts.put("unfolded-events", unfoldedEvents);
    counts.put("ended-by-node-kill", ended);
    // A subscription with no events yet is checked too (its snapshot against the view): count it.
    long emptyChecked =
        subscriptions.stream().filter(s -> s.events().isEmpty() && s.dropped() == 0).count();
    return CheckResult.of(
        NAME,
        problems,
        foldedEvents + unfoldedEvents + emptyChecked,
        events + droppedEvents + emptyChecked,
        counts);
  }

  /** Folds the events before the first drop (all of them if none) over the snapshot. */
  private static Bag fold(Subscription s, List<Problem> problems) {
    Bag members = Bag.of(s.snapshot());
    for (int i = 0; i < s.beforeDrops(); i++) {
      MonitorEvent e = checkedShape(s, i, problems);
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

  /**
   * Undoes the events after the last drop, last first, starting from the final view: a leave gives
   * the PID its slot back; a join takes one, which the view must still hold (else the stream says a
   * slot joined that the view never had, or missed its leave).
   */
  private static void unfold(Subscription s, List<Problem> problems) {
    Bag members = Bag.of(s.viewAtRead());
    int first = s.events().size() - s.afterDrops();
    for (int i = s.events().size() - 1; i >= first; i--) {
      MonitorEvent e = checkedShape(s, i, problems);
      for (String pid : e.pids()) {
        if (e.kind() == MonitorEvent.Kind.LEFT) {
          members.add(pid);
        } else if (!members.remove(pid)) {
          problems.add(
              problem(
                  s,
                  "joined-not-in-view",
                  "event "
                      + i
                      + " (after the last drop) says "
                      + pid
                      + " joined, but the final view, with the later events undone, has no slot"
                      + " of it"));
        }
      }
    }
  }

  /** The event at {@code i}, after flagging a wrong group or an empty PID list. */
  private static MonitorEvent checkedShape(Subscription s, int i, List<Problem> problems) {
    MonitorEvent e = s.events().get(i);
    if (!e.group().equals(s.group())) {
      problems.add(problem(s, "wrong-group", "event " + i + " is for group " + e.group()));
    }
    if (e.pids().isEmpty()) {
      problems.add(problem(s, "empty-event", "event " + i + " (" + e.kind() + ") lists no PID"));
    }
    return e;
  }

  private static Problem problem(Subscription s, String kind, String detail) {
    return new Problem(
        kind,
        "subscription to " + s.group() + " on " + s.node() + ": " + detail,
        List.of(s.op(), s.readOp()));
  }
}
