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
 * processes that had a slot in the group, FIFO per sender→receiver, and, inside windows where the
 * cluster was whole and converged, every settled member slot receives every broadcast.
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
    long expected = checkCompleteness(h, slots, problems);
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("sends", (long) h.sends().size());
    counts.put("logs", (long) h.logs().size());
    counts.put("deliveries", deliveries);
    counts.put("expected-in-windows", expected);
    return CheckResult.of(NAME, problems, deliveries + expected, counts);
  }

  /** Each broadcast's position among its sender's broadcasts (a client issues one call at a time). */
  private static Map<Long, Integer> senderRanks(List<BroadcastSend> sends) {
    Map<Long, Integer> rank = new HashMap<>();
    sends.stream().collect(Collectors.groupingBy(BroadcastSend::sender)).values().forEach(own -> {
      List<BroadcastSend> ordered = own.stream().sorted(Comparator.comparingLong(BroadcastSend::invoke)).toList();
      for (int i = 0; i < ordered.size(); i++) {
        rank.put(ordered.get(i).message(), i);
      }
    });
    return rank;
  }

  /** The per-receiver checks: phantom, wrong sender, failed send, non-member, duplicate, FIFO. */
  private record ReceiverCheck(ReceiverLog log, Map<Long, BroadcastSend> sends, Map<Long, Integer> rank,
                               Map<String, Slots> groups, List<Problem> problems) {
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
          problem("wrong-sender", "message " + d.message() + " sent by " + s.sender() + " arrived from "
              + d.sender(), List.of(s.op()));
        }
        if (s.outcome() == Outcome.FAIL) {
          problem("failed-send-delivered", "message " + d.message() + " whose broadcast failed", List.of(s.op()));
        }
        Slots slots = groups.getOrDefault(s.group(), Slots.NONE);
        if (!slots.mayHaveJoinedBy(s.complete())) {
          problem("non-member", "message " + d.message() + " to group " + s.group()
              + ", which the receiver never joined before the send returned", List.of(s.op()));
        }
        long maxHeld = slots.maxHeld();
        if (times.merge(d.message(), 1L, Long::sum) == maxHeld + 1 && maxHeld > 0) {
          problem("duplicate", "message " + d.message() + " delivered more often than the receiver's "
              + maxHeld + " slot(s) in " + s.group(), List.of(s.op()));
        }
        BroadcastSend previous = lastFrom.get(s.sender());
        if (previous != null && rank.get(s.message()) < rank.get(previous.message())) {
          problem("fifo", "from " + s.sender() + ": message " + s.message() + " arrived after message "
              + previous.message() + ", which was sent later", List.of(s.op(), previous.op()));
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
   * Every ok broadcast that ran wholly inside a whole window must have reached every receiver that
   * certainly held a settled slot in its group; returns how many (send, receiver) pairs that covered.
   */
  private static long checkCompleteness(BroadcastHistory h, Map<String, Map<String, Slots>> slots,
                                        List<Problem> problems) {
    long expected = 0;
    for (BroadcastSend s : h.sends()) {
      if (s.outcome() != Outcome.OK) {
        continue;
      }
      for (Window w : h.wholeWindows()) {
        if (!w.covers(s.invoke(), s.complete())) {
          continue;
        }
        long settledBy = Math.max(w.start(), s.invoke() - h.propagationNanos());
        for (ReceiverLog log : h.logs()) {
          if (log.readTime() < s.complete() + h.propagationNanos()) {
            continue;
          }
          long held = Slots.of(slots, log.pid(), s.group()).certainlyHeld(settledBy, s.complete());
          if (held == 0) {
            continue;
          }
          expected++;
          long got = log.received().stream().filter(d -> d.message() == s.message()).count();
          if (got < held) {
            problems.add(new Problem("missed", "receiver " + log.pid() + " held " + held + " settled slot(s) in "
                + s.group() + " while the cluster was whole, but got message " + s.message() + " " + got
                + " time(s)", List.of(s.op(), log.readOp())));
          }
        }
      }
    }
    return expected;
  }
}
