package dev.procgroups.model.linearizability.slots;

import dev.procgroups.model.linearizability.EventList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Wing–Gong–Lowe search specialised to one group's counted slots. The state is three int arrays
 * over the group's PIDs (slots, pending crashed joins, pending crashed leaves) changed in place
 * with an undo log, so a step costs O(1) for a join or leave and a memo entry is three longs.
 * Crashed calls record a pending effect right after their invocation and a later observation uses
 * the fewest of them, with the same rules as {@link
 * dev.procgroups.model.linearizability.MembershipState}.
 *
 * <p>Two reductions keep it small. A read (or a leave failing INVALID) that holds in the current
 * state without using a pending effect is placed at once and never taken back: it changes nothing
 * and only removes a constraint, so the configuration with it placed dominates the one without (a
 * pure operation placed as early as its interval allows). And a read is first compared by an
 * additive hash of the slot counts, so the many reads the search tries and rejects cost O(1).
 */
final class SlotSearch {

  enum Verdict {
    LINEARIZABLE,
    NOT_LINEARIZABLE,
    BUDGET_EXCEEDED
  }

  private final List<SlotCall> calls;
  private final int pids;
  private final long budget;
  private final SlotMutant mutant;
  private final int[] state;

  /** Random weight of each state entry; the slot entries' weights also hash the reads. */
  private final long[] weight;

  private final long[] readHash;
  // A memo entry is the placed calls as two 64-bit Zobrist hashes and the state as an additive
  // 64-bit hash. A collision could only prune a configuration wrongly, turning a true "valid" into
  // "invalid", never the reverse: "valid" is always witnessed by a complete path. The corpus test
  // cross-checks the verdicts with the model's WGL search, which compares states exactly.
  private long slotsHash;
  private long stateHash;
  private int pending;
  private int[] logEntry = new int[64];
  private int[] logOld = new int[64];
  private int logSize;
  private long configurations;
  private int furthestStuck = -1;

  SlotSearch(GroupHistory group, long budget, SlotMutant mutant) {
    this.calls = group.calls();
    this.pids = group.pids().size();
    this.budget = budget;
    this.mutant = mutant;
    this.state = new int[3 * pids];
    SplittableRandom random = new SplittableRandom(pids * 31L + calls.size());
    this.weight = random.longs(3L * pids).toArray();
    this.readHash = new long[calls.size()];
    for (int s = 0; s < calls.size(); s++) {
      int[] counts = calls.get(s).counts();
      for (int q = 0; counts != null && q < pids; q++) {
        readHash[s] += counts[q] * weight[q];
      }
    }
  }

  long configurations() {
    return configurations;
  }

  /** The call whose completion the search reached last before every path got stuck, or null. */
  SlotCall furthestStuck() {
    return furthestStuck < 0 ? null : calls.get(furthestStuck);
  }

  Verdict run() {
    int n = calls.size();
    EventList events = events();
    SplittableRandom random = new SplittableRandom(n);
    long[] zobrist = random.longs(n).toArray();
    long[] zobrist2 = random.longs(n).toArray();
    ConfigurationSet seen = new ConfigurationSet();
    int[] stackCall = new int[n];
    int[] stackLog = new int[n];
    boolean[] stackForced = new boolean[n];
    int furthestNode = -1;
    int depth = 0;
    int remaining = n;
    long hash = 0;
    long hash2 = 0;
    int entry = events.first();
    while (remaining > 0) {
      int s = events.call(entry);
      boolean stuck = events.isReturn(entry);
      if (!stuck) {
        int mark = logSize;
        if (apply(s)) {
          boolean pure = logSize == mark;
          hash ^= zobrist[s];
          hash2 ^= zobrist2[s];
          if (seen.add(hash, hash2, stateHash)) {
            if (seen.size() > budget) {
              configurations = seen.size();
              return Verdict.BUDGET_EXCEEDED;
            }
            stackCall[depth] = s;
            stackLog[depth] = mark;
            stackForced[depth++] = pure && calls.get(s).kind().observes();
            events.lift(s);
            remaining--;
            entry = events.first();
            continue;
          }
          hash ^= zobrist[s];
          hash2 ^= zobrist2[s];
          undoTo(mark);
          // Placing this observation led to a configuration already explored without success, and
          // the current one is dominated by it.
          stuck = pure && calls.get(s).kind().observes();
        }
        if (!stuck) {
          entry = events.next(entry);
          continue;
        }
      } else if (entry > furthestNode) {
        furthestNode = entry;
        furthestStuck = s;
      }
      int undone;
      do {
        if (depth == 0) {
          configurations = seen.size();
          return Verdict.NOT_LINEARIZABLE;
        }
        undone = stackCall[--depth];
        undoTo(stackLog[depth]);
        hash ^= zobrist[undone];
        hash2 ^= zobrist2[undone];
        events.unlift(undone);
        remaining++;
      } while (stackForced[depth]);
      entry = events.afterCall(undone);
    }
    configurations = seen.size();
    return Verdict.LINEARIZABLE;
  }

  /**
   * Applies call {@code s} in place (logging every change); false when its outcome is impossible.
   */
  private boolean apply(int s) {
    SlotCall c = calls.get(s);
    int p = c.pid();
    boolean dropsCrashes = mutant == SlotMutant.CRASHED_CALLS_DROPPED;
    return switch (c.kind()) {
      case JOIN -> set(p, state[p] + 1);
      case MAY_JOIN -> dropsCrashes || set(pids + p, state[pids + p] + 1);
      case MAY_LEAVE -> dropsCrashes || set(2 * pids + p, state[2 * pids + p] + 1);
      case LEAVE ->
          state[p] > 0
              ? set(p, state[p] - 1)
              : state[pids + p] > 0 && set(pids + p, state[pids + p] - 1);
      case LEAVE_NONE -> state[p] == 0 || observe(p, 0);
      case READ -> read(s);
    };
  }

  private boolean read(int s) {
    int[] counts = calls.get(s).counts();
    boolean listedOnly = mutant == SlotMutant.READ_CHECKS_LISTED_PIDS_ONLY;
    if (pending == 0 && readHash[s] != slotsHash && !listedOnly) {
      return false;
    }
    for (int q = 0; q < pids; q++) {
      int diff = counts[q] - state[q];
      boolean skipped = listedOnly && counts[q] == 0;
      if (!skipped
          && (diff > 0 ? state[pids + q] < diff : diff < 0 && state[2 * pids + q] < -diff)) {
        return false;
      }
    }
    for (int q = 0; q < pids; q++) {
      if (counts[q] != state[q] && !(listedOnly && counts[q] == 0)) {
        observe(q, counts[q]);
      }
    }
    return true;
  }

  /**
   * Sets PID {@code q}'s count to {@code count}, using pending effects (the caller checked there
   * are enough).
   */
  private boolean observe(int q, int count) {
    int diff = count - state[q];
    int pool = diff > 0 ? pids + q : 2 * pids + q;
    if (state[pool] < Math.abs(diff)) {
      return false;
    }
    set(pool, state[pool] - Math.abs(diff));
    return set(q, count);
  }

  private boolean set(int entry, int value) {
    if (logSize == logEntry.length) {
      logEntry = Arrays.copyOf(logEntry, 2 * logSize);
      logOld = Arrays.copyOf(logOld, 2 * logSize);
    }
    logEntry[logSize] = entry;
    logOld[logSize++] = state[entry];
    change(entry, value);
    return true;
  }

  private void change(int entry, int value) {
    long delta = value - state[entry];
    stateHash += delta * weight[entry];
    if (entry < pids) {
      slotsHash += delta * weight[entry];
    } else {
      pending += (int) delta;
    }
    state[entry] = value;
  }

  private void undoTo(int mark) {
    while (logSize > mark) {
      logSize--;
      change(logEntry[logSize], logOld[logSize]);
    }
  }

  /** The event list; a crashed call's return comes right after its invocation. */
  private EventList events() {
    long[] invokeKey = new long[calls.size()];
    long[] returnKey = new long[calls.size()];
    for (int s = 0; s < calls.size(); s++) {
      invokeKey[s] = calls.get(s).invokePosition();
      returnKey[s] = calls.get(s).returnPosition();
    }
    return new EventList(invokeKey, returnKey);
  }
}
