package dev.procgroups.model.checkers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks broadcast delivery against the guarantees of SEMANTICS.md: at most once per slot, only to
 * processes that had a slot in the group, FIFO per sender→receiver, and, inside fault-free windows,
 * every receiver in the sender node's view receives every broadcast (see {@link
 * #checkCompleteness}).
 */
public final class BroadcastChecker {

  public static final String NAME = "broadcast";

  private BroadcastChecker() {}

  public static CheckResult check(BroadcastHistory h) {
    Map<Long, BroadcastSend> sends = new HashMap<>();
    for (BroadcastSend s : h.sends()) {
      if (sends.put(s.message(), s) != null) {
        throw new IllegalArgumentException("message number " + s.message() + " sent twice");
      }
    }
    Map<Long, Integer> rank = senderRanks(h.sends());
    Map<String, Map<String, Slots>> slots = Slots.index(h.membership());
    List<Problem> problems = new ArrayList<>();
    long deliveries = 0;
    for (ReceiverLog log : h.logs()) {
      deliveries += log.received().size();
      new ReceiverCheck(log, sends, rank, slots.getOrDefault(log.pid(), Map.of()), problems).run();
    }
    long[] pairs = checkCompleteness(h, slots, rank, problems);
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("sends", (long) h.sends().size());
    counts.put("logs", (long) h.logs().size());
    counts.put("deliveries", deliveries);
    counts.put("pairs-held-fault-free", pairs[0]);
    counts.put("pairs-view-observed", pairs[1]);
    counts.put("pairs-decided", pairs[2]);
    // Coverage: every delivery is checked (duplicates, FIFO, membership); of the (send, receiver)
    // pairs whose window the history opened, those decided.
    return CheckResult.of(NAME, problems, deliveries + pairs[2], deliveries + pairs[1], counts);
  }

  /**
   * Each broadcast's position among its sender's broadcasts (a client issues one call at a time).
   */
  private static Map<Long, Integer> senderRanks(List<BroadcastSend> sends) {
    Map<Long, Integer> rank = new HashMap<>();
    sends.stream()
        .collect(Collectors.groupingBy(BroadcastSend::sender))
        .values()
        .forEach(
            own -> {
              List<BroadcastSend> ordered =
                  own.stream().sorted(Comparator.comparingLong(BroadcastSend::invoke)).toList();
              for (int i = 0; i < ordered.size(); i++) {
                rank.put(ordered.get(i).message(), i);
              }
            });
    return rank;
  }

  /** The per-receiver checks: phantom, wrong sender, failed send, non-member, duplicate, FIFO. */
  private record ReceiverCheck(
      ReceiverLog log,
      Map<Long, BroadcastSend> sends,
      Map<Long, Integer> rank,
      Map<String, Slots> groups,
      List<Problem> problems) {
    void run() {
      Map<Long, Long> times = new HashMap<>();
      Map<String, BroadcastSend> lastFrom = new HashMap<>();
      for (ReceiverLog.Delivery d : log.received()) {
        BroadcastSend s = sends.get(d.message());
        if (s == null) {
          problem("phantom", "message " + d.message() + " was never sent", List.of());
          continue;
        }
        if (!s.sender().equals(d.sender())) {
          problem(
              "wrong-sender",
              "message " + d.message() + " sent by " + s.sender() + " arrived from " + d.sender(),
              List.of(s.op()));
        }
        if (s.outcome() == Outcome.FAIL) {
          problem(
              "failed-send-delivered",
              "message " + d.message() + " whose broadcast failed",
              List.of(s.op()));
        }
        Slots slots = groups.getOrDefault(s.group(), Slots.NONE);
        if (!slots.mayHaveJoinedBy(s.complete())) {
          problem(
              "non-member",
              "message "
                  + d.message()
                  + " to group "
                  + s.group()
                  + ", which the receiver never joined before the send returned",
              List.of(s.op()));
        }
        long maxHeld = slots.maxHeld();
        if (times.merge(d.message(), 1L, Long::sum) == maxHeld + 1 && maxHeld > 0) {
          problem(
              "duplicate",
              "message "
                  + d.message()
                  + " delivered more often than the receiver's "
                  + maxHeld
                  + " slot(s) in "
                  + s.group(),
              List.of(s.op()));
        }
        BroadcastSend previous = lastFrom.get(s.sender());
        if (previous != null && rank.get(s.message()) < rank.get(previous.message())) {
          problem(
              "fifo",
              "from "
                  + s.sender()
                  + ": message "
                  + s.message()
                  + " arrived after message "
                  + previous.message()
                  + ", which was sent later",
              List.of(s.op(), previous.op()));
        } else {
          lastFrom.put(s.sender(), s);
        }
      }
    }

    private void problem(String kind, String detail, List<Long> sendOps) {
      List<Long> ops = new ArrayList<>(sendOps);
      ops.add(log.readOp());
      problems.add(new Problem(kind, "receiver " + log.pid() + ": " + detail, ops));
    }
  }

  /**
   * Completeness, decided from the history rather than after a fixed settling delay. A broadcast
   * {@code s} of sender {@code p} on node A to group g must reach receiver r as often as A's view
   * held r when the history shows both ends of the path working inside one fault-free window:
   *
   * <ul>
   *   <li>the view: earlier in the window, a {@code get_members(g)} on A listed r k times, or an
   *       earlier broadcast from A to g reached r k times (so the heal's resync had reached A), and
   *       r began no leave of g since;
   *   <li>the path, after a heal: an earlier broadcast of {@code p} begun in the window reached r
   *       before s began (the connection was back: a broadcast sent while r's node was still
   *       unreachable may be lost, SEMANTICS.md); the first window follows no fault;
   *   <li>the path, before the next fault: a later broadcast of {@code p} in the window reached r
   *       (per-sender FIFO: s went first), or the window is the last one (nothing cut it short
   *       before the final reads).
   * </ul>
   *
   * A later arrival alone does not show s's path: FIFO orders what arrives, it does not say that
   * nothing before it was lost while the connection came back. Returns the coverage: pairs (send,
   * receiver) where r certainly held a slot during a fault-free send, those with the view observed,
   * and those decided.
   */
  private static long[] checkCompleteness(
      BroadcastHistory h,
      Map<String, Map<String, Slots>> slots,
      Map<Long, Integer> rank,
      List<Problem> problems) {
    Map<String, List<BroadcastSend>> byNodeGroup =
        h.sends().stream()
            .sorted(Comparator.comparingLong(BroadcastSend::invoke))
            .collect(Collectors.groupingBy(s -> nodeOf(s.sender()) + " " + s.group()));
    Map<String, List<BroadcastSend>> bySender =
        h.sends().stream().collect(Collectors.groupingBy(BroadcastSend::sender));
    bySender.values().forEach(l -> l.sort(Comparator.comparingLong(x -> rank.get(x.message()))));
    Map<String, List<ViewRead>> views =
        h.views().stream().collect(Collectors.groupingBy(v -> v.node() + " " + v.group()));
    long[] pairs = new long[3];
    for (ReceiverLog log : h.logs()) {
      Map<Long, Long> got =
          log.received().stream()
              .collect(Collectors.groupingBy(ReceiverLog.Delivery::message, Collectors.counting()));
      for (BroadcastSend s : h.sends()) {
        Window w = window(h.faultFree(), s);
        Slots own = Slots.of(slots, log.pid(), s.group());
        if (s.outcome() != Outcome.OK
            || w == null
            || own.certainlyHeld(s.invoke(), s.complete()) == 0) {
          continue;
        }
        pairs[0]++;
        String path = nodeOf(s.sender()) + " " + s.group();
        long held =
            viewed(
                views.getOrDefault(path, List.of()),
                byNodeGroup.get(path),
                got,
                own,
                log.pid(),
                w,
                s);
        if (held == 0) {
          continue;
        }
        pairs[1]++;
        List<BroadcastSend> senderSends = bySender.get(s.sender());
        int at = rank.get(s.message());
        if (w.start() > 0 && !earlierArrived(senderSends, at, got, w, s)
            || !w.last() && !laterArrived(senderSends, at, got, w)) {
          continue;
        }
        pairs[2]++;
        long n = got.getOrDefault(s.message(), 0L);
        if (n < held) {
          problems.add(
              new Problem(
                  "missed",
                  "receiver "
                      + log.pid()
                      + " was in "
                      + nodeOf(s.sender())
                      + "'s view of "
                      + s.group()
                      + " "
                      + held
                      + " time(s) with no fault since, but got message "
                      + s.message()
                      + " "
                      + n
                      + " time(s)",
                  List.of(s.op(), log.readOp())));
        }
      }
    }
    return pairs;
  }

  /** The fault-free window the whole call of {@code s} ran in, or null. */
  private static Window window(List<Window> windows, BroadcastSend s) {
    return windows.stream()
        .filter(w -> w.covers(s.invoke(), s.complete()))
        .findFirst()
        .orElse(null);
  }

  /**
   * How many slots of {@code pid} the sender's node certainly had in view when {@code s} ran, from
   * what the window showed of that view before (0: nothing shown).
   */
  private static long viewed(
      List<ViewRead> reads,
      List<BroadcastSend> earlier,
      Map<Long, Long> got,
      Slots own,
      String pid,
      Window w,
      BroadcastSend s) {
    long held = 0;
    for (ViewRead v : reads) {
      if (v.invoke() >= w.start() && v.complete() <= s.invoke() && v.count(pid) > 0) {
        held = Math.max(held, own.viewLowerBound(v.count(pid), v.complete(), s.complete()));
      }
    }
    for (BroadcastSend e : earlier) {
      if (e.invoke() >= s.invoke()) {
        break;
      }
      long n = got.getOrDefault(e.message(), 0L);
      if (e.invoke() >= w.start() && e.complete() <= s.invoke() && n > 0) {
        held = Math.max(held, own.viewLowerBound(n, e.complete(), s.complete()));
      }
    }
    return held;
  }

  /**
   * True if a broadcast of the same sender, begun in the window and done before {@code s} began,
   * reached the receiver.
   */
  private static boolean earlierArrived(
      List<BroadcastSend> own, int before, Map<Long, Long> got, Window w, BroadcastSend s) {
    for (int i = before - 1; i >= 0 && own.get(i).invoke() >= w.start(); i--) {
      if (own.get(i).complete() <= s.invoke() && got.containsKey(own.get(i).message())) {
        return true;
      }
    }
    return false;
  }

  /** True if a broadcast of the same sender begun later in the window reached the receiver. */
  private static boolean laterArrived(
      List<BroadcastSend> own, int after, Map<Long, Long> got, Window w) {
    for (int i = after + 1; i < own.size() && own.get(i).invoke() < w.end(); i++) {
      if (got.containsKey(own.get(i).message())) {
        return true;
      }
    }
    return false;
  }

  private static String nodeOf(String pid) {
    return ConvergenceChecker.nodeOf(pid);
  }
}
