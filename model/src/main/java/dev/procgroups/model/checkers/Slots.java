package dev.procgroups.model.checkers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the history says about one process's slots in one group, bounding what any node may have
 * seen. A node's view of a process is always some earlier state of it (per-origin FIFO), so bounds
 * over all times are the sound ones.
 */
final class Slots {

  static final Slots NONE = new Slots(List.of());

  private final List<MembershipOp> ops;

  Slots(List<MembershipOp> ops) {
    this.ops = List.copyOf(ops);
  }

  /** The slots of every (pid, group) that has a join or leave in {@code ops}. */
  static Map<String, Map<String, Slots>> index(List<MembershipOp> ops) {
    Map<String, Map<String, Slots>> index = new HashMap<>();
    ops.stream()
        .collect(
            Collectors.groupingBy(MembershipOp::pid, Collectors.groupingBy(MembershipOp::group)))
        .forEach(
            (pid, groups) ->
                groups.forEach(
                    (g, own) ->
                        index.computeIfAbsent(pid, k -> new HashMap<>()).put(g, new Slots(own))));
    return index;
  }

  static Slots of(Map<String, Map<String, Slots>> index, String pid, String group) {
    return index.getOrDefault(pid, Map.of()).getOrDefault(group, NONE);
  }

  /** History indices of the calls behind these slots. */
  List<Long> opIndices() {
    return ops.stream().map(MembershipOp::op).toList();
  }

  /**
   * The most slots the process can have held at once: joins count from invocation, leaves from
   * return.
   */
  long maxHeld() {
    record Step(long time, int delta) {}
    List<Step> steps = new ArrayList<>();
    for (MembershipOp o : ops) {
      if (o.isJoin() && o.outcome().mayHaveHappened()) {
        steps.add(new Step(o.invoke(), +1));
      } else if (!o.isJoin() && o.outcome() == Outcome.OK) {
        steps.add(new Step(o.complete(), -1));
      }
    }
    steps.sort(
        Comparator.comparingLong(Step::time).thenComparing(Step::delta, Comparator.reverseOrder()));
    long held = 0;
    long max = 0;
    for (Step s : steps) {
      held += s.delta();
      max = Math.max(max, held);
    }
    return max;
  }

  /** True if a join that may have happened was invoked at or before {@code time}. */
  boolean mayHaveJoinedBy(long time) {
    return ops.stream()
        .anyMatch(o -> o.isJoin() && o.outcome().mayHaveHappened() && o.invoke() <= time);
  }

  /**
   * Slots certainly held during [{@code from}, {@code to}]: joins that returned ok by {@code
   * settledBy}, less every leave that may have started by {@code to}.
   */
  long certainlyHeld(long settledBy, long to) {
    long joined =
        ops.stream()
            .filter(o -> o.isJoin() && o.outcome() == Outcome.OK && o.complete() <= settledBy)
            .count();
    long left =
        ops.stream()
            .filter(o -> !o.isJoin() && o.outcome().mayHaveHappened() && o.invoke() <= to)
            .count();
    return Math.max(0, joined - left);
  }

  /**
   * The fewest slots of this process a remote view can hold at {@code sentBy}, given that it held
   * {@code k} at some moment before {@code seenBy}. A process's calls are sequential, so its slot
   * counts form one sequence, and a view (per-origin FIFO) only moves forward along it: the bound
   * is the least count from the first state with {@code k} slots to the last state begun by {@code
   * sentBy}. 0 if a call's outcome is unknown (the sequence is not) or no state had k.
   */
  long viewLowerBound(long k, long seenBy, long sentBy) {
    List<MembershipOp> ordered =
        ops.stream().sorted(Comparator.comparingLong(MembershipOp::invoke)).toList();
    long count = 0;
    long bound = -1;
    for (int i = 0; i <= ordered.size(); i++) {
      if (bound < 0 && count == k) {
        bound = count;
      } else if (bound >= 0) {
        bound = Math.min(bound, count);
      }
      if (i == ordered.size()
          || ordered.get(i).invoke() > sentBy
          || bound < 0 && ordered.get(i).invoke() > seenBy) {
        break;
      }
      MembershipOp o = ordered.get(i);
      if (o.outcome() == Outcome.INFO) {
        return 0;
      }
      count = Math.max(0, count + (o.outcome() != Outcome.OK ? 0 : o.isJoin() ? 1 : -1));
    }
    return Math.max(0, bound);
  }

  /** Lowest and highest slot count the process can hold once every call has returned. */
  long[] finalRange() {
    long lo = 0;
    long hi = 0;
    for (MembershipOp o : ops) {
      boolean ok = o.outcome() == Outcome.OK;
      boolean maybe = o.outcome() == Outcome.INFO;
      if (o.isJoin()) {
        lo += ok ? 1 : 0;
        hi += ok || maybe ? 1 : 0;
      } else {
        lo -= ok || maybe ? 1 : 0;
        hi -= ok ? 1 : 0;
      }
    }
    return new long[] {Math.max(0, lo), Math.max(0, hi)};
  }
}
