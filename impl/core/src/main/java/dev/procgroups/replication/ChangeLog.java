package dev.procgroups.replication;

import dev.procgroups.process.Pid;
import dev.procgroups.replication.ProtocolMessage.Change;
import dev.procgroups.store.StoreChange.Direction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * This node's most recent local changes of one scope, bounded by the slots they move, so that a
 * peer holding a copy of our state as of an earlier change number can be sent only the difference
 * ({@link ProtocolMessage.Patch}) instead of the whole state. Written by hand: it is a deque of the
 * changes already made for the {@code Deltas} messages, nothing a library would add.
 */
final class ChangeLog {
  /** A run of changes reduced to its net effect: the slots it removes, then those it adds. */
  record Difference(Map<String, List<Pid>> leaves, Map<String, List<Pid>> joins) {}

  private final long maxSlots;
  private final ArrayDeque<Change> changes;

  /** The number of the oldest change held (the next change's number when none is held). */
  private long firstSeq;

  private long slots;

  ChangeLog(long maxSlots) {
    this(maxSlots, new ArrayDeque<>(), 1, 0);
  }

  private ChangeLog(long maxSlots, ArrayDeque<Change> changes, long firstSeq, long slots) {
    this.maxSlots = maxSlots;
    this.changes = changes;
    this.firstSeq = firstSeq;
    this.slots = slots;
  }

  ChangeLog copy() {
    return new ChangeLog(maxSlots, new ArrayDeque<>(changes), firstSeq, slots);
  }

  /** Appends the next changes in order, forgetting the oldest ones beyond the bound. */
  void append(List<Change> batch) {
    for (Change c : batch) {
      changes.addLast(c);
      slots += size(c);
    }
    while (slots > maxSlots && !changes.isEmpty()) {
      slots -= size(changes.removeFirst());
      firstSeq++;
    }
  }

  /**
   * The net effect of every change after {@code baseSeq}, or null if the log no longer holds them
   * all (or {@code baseSeq} is ahead of the last change). {@code skipFirst}: the planted bug {@code
   * PATCH_SKIPS_A_CHANGE} leaves the first of them out.
   */
  Difference since(long baseSeq, boolean skipFirst) {
    long lastSeq = firstSeq + changes.size() - 1;
    if (baseSeq + 1 < firstSeq || baseSeq > lastSeq) {
      return null;
    }
    Map<String, Map<Pid, Integer>> net = new LinkedHashMap<>();
    Iterator<Change> newestFirst = changes.descendingIterator();
    List<Change> run = new ArrayList<>();
    for (long seq = lastSeq; seq > baseSeq; seq--) {
      run.add(newestFirst.next());
    }
    Collections.reverse(run);
    for (Change c : skipFirst && !run.isEmpty() ? run.subList(1, run.size()) : run) {
      int sign = c.direction() == Direction.JOIN ? 1 : -1;
      c.pidsByGroup()
          .forEach(
              (group, pids) -> {
                Map<Pid, Integer> counts = net.computeIfAbsent(group, g -> new LinkedHashMap<>());
                pids.forEach(pid -> counts.merge(pid, sign, Integer::sum));
              });
    }
    return new Difference(slotsWith(net, -1), slotsWith(net, 1));
  }

  /** The slots whose net count has {@code sign}, each repeated by the count's size. */
  private static Map<String, List<Pid>> slotsWith(Map<String, Map<Pid, Integer>> net, int sign) {
    Map<String, List<Pid>> out = new LinkedHashMap<>();
    net.forEach(
        (group, counts) -> {
          List<Pid> pids = new ArrayList<>();
          counts.forEach(
              (pid, n) -> {
                if (Integer.signum(n) == sign) {
                  pids.addAll(Collections.nCopies(Math.abs(n), pid));
                }
              });
          if (!pids.isEmpty()) {
            out.put(group, List.copyOf(pids));
          }
        });
    return Collections.unmodifiableMap(out);
  }

  private static long size(Change c) {
    long n = 0;
    for (List<Pid> pids : c.pidsByGroup().values()) {
      n += pids.size();
    }
    return n;
  }
}
