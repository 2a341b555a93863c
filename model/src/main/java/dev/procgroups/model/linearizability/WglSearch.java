package dev.procgroups.model.linearizability;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The Wing–Gong search as refined by Lowe: the calls' invocation and return events sit in a doubly
 * linked list in history order; the search repeatedly takes the first call event whose transition
 * is allowed, removes ("lifts") that call's events and starts over; reaching a return event means
 * the call it closes cannot be placed yet, so it backtracks. Configurations (linearized set, state)
 * already seen are pruned, which is what keeps it polynomial in practice. Calls without a return
 * event ({@code :info}) may be placed after their invocation or never.
 */
final class WglSearch<S> {

  enum Verdict {
    LINEARIZABLE,
    NOT_LINEARIZABLE,
    BUDGET_EXCEEDED
  }

  /**
   * Told the state and linearized set each time the search stands at {@code watched}'s return
   * event.
   */
  interface Observer<S> {
    void stuck(S state, long[] linearized);
  }

  private static final Object IGNORED_STATE = new Object();

  private final S initial;
  private final List<Step<S>> steps;
  private final PlantedBug bug;
  private final long budget;
  private long configurations;

  WglSearch(S initial, List<Step<S>> steps, PlantedBug bug, long budget) {
    this.initial = initial;
    this.steps = steps;
    this.bug = bug;
    this.budget = budget;
  }

  long configurations() {
    return configurations;
  }

  Verdict run() {
    return run(-1, null);
  }

  /**
   * Runs the search; {@code observer} (may be null) hears about every stop at step {@code
   * watched}'s return. At each configuration the calls with a return event are tried first (pass 0)
   * and the indeterminate ones only after them (pass 1): a crashed call is placed when an
   * observation needs it, not speculatively; one that would not change the state is not placed at
   * all. Of several pending indeterminate calls with equal transitions only the earliest-invoked
   * unplaced one is tried, since they are interchangeable.
   */
  Verdict run(int watched, Observer<S> observer) {
    int n = steps.size();
    EventList events = events();
    int[] interchangeable = previousInterchangeable();
    long[] words = new long[(n + 63) / 64];
    SplittableRandom random = new SplittableRandom(n);
    long[] zobrist = random.longs(n).toArray();
    long[] zobrist2 = random.longs(n).toArray();
    Set<Key> seen = new HashSet<>();
    int[] stackStep = new int[n];
    Object[] stackState = new Object[n];
    int depth = 0;
    int remaining = (int) steps.stream().filter(Step::definite).count();
    long hash = 0;
    long hash2 = 0;
    S state = initial;
    int pass = 0;
    int entry = events.first();
    while (remaining > 0) {
      if (entry == events.head()) {
        throw new IllegalStateException(
            "event list exhausted with " + remaining + " calls left to place");
      }
      int s = events.call(entry);
      if (events.isReturn(entry)) {
        if (pass == 0) {
          pass = 1;
          entry = events.first();
          continue;
        }
        if (s == watched && observer != null) {
          observer.stuck(state, words.clone());
        }
        if (depth == 0) {
          configurations = seen.size();
          return Verdict.NOT_LINEARIZABLE;
        }
        int undone = stackStep[--depth];
        @SuppressWarnings("unchecked")
        S previous = (S) stackState[depth];
        state = previous;
        words[undone >>> 6] &= ~(1L << undone);
        hash ^= zobrist[undone];
        hash2 ^= zobrist2[undone];
        events.unlift(undone);
        boolean definite = steps.get(undone).definite();
        remaining += definite ? 1 : 0;
        pass = definite ? 0 : 1;
        entry = events.afterCall(undone);
        continue;
      }
      boolean tryIt =
          steps.get(s).definite() == (pass == 0)
              && (interchangeable[s] < 0
                  || (words[interchangeable[s] >>> 6] & (1L << interchangeable[s])) != 0);
      S next = tryIt ? steps.get(s).transition().apply(state) : null;
      // An indeterminate call that would leave the state as it is is better left unplaced:
      // it keeps the option of taking effect later, and no return event waits for it.
      if (next != null && (pass == 0 || !next.equals(state))) {
        words[s >>> 6] |= 1L << s;
        hash ^= zobrist[s];
        hash2 ^= zobrist2[s];
        if (seen.add(
            new Key(hash, hash2, bug == PlantedBug.MEMO_IGNORES_STATE ? IGNORED_STATE : next))) {
          if (seen.size() > budget) {
            configurations = seen.size();
            return Verdict.BUDGET_EXCEEDED;
          }
          stackStep[depth] = s;
          stackState[depth++] = state;
          state = next;
          events.lift(s);
          remaining -= steps.get(s).definite() ? 1 : 0;
          pass = 0;
          entry = events.first();
          continue;
        }
        words[s >>> 6] &= ~(1L << s);
        hash ^= zobrist[s];
        hash2 ^= zobrist2[s];
      }
      entry = events.next(entry);
    }
    configurations = seen.size();
    return Verdict.LINEARIZABLE;
  }

  /** For each indeterminate step, the latest earlier one with an equal transition, or -1. */
  private int[] previousInterchangeable() {
    int[] previous = new int[steps.size()];
    java.util.Map<Transition<S>, Integer> last = new java.util.HashMap<>();
    for (int s = 0; s < steps.size(); s++) {
      Step<S> step = steps.get(s);
      previous[s] = -1;
      if (!step.definite()) {
        Integer before = last.put(step.transition(), s);
        previous[s] = before == null ? -1 : before;
      }
    }
    return previous;
  }

  /**
   * The event list; an eager call's return shares its invocation's position and comes right after
   * it.
   */
  private EventList events() {
    long[] invokeKey = new long[steps.size()];
    long[] returnKey = new long[steps.size()];
    for (int s = 0; s < steps.size(); s++) {
      Step<S> step = steps.get(s);
      invokeKey[s] = bug == PlantedBug.IGNORES_REAL_TIME ? -1 : step.call().invokePosition();
      returnKey[s] = step.definite() ? step.returnPosition() : -1;
    }
    return new EventList(invokeKey, returnKey);
  }

  /**
   * A memo entry: the linearized set as two independent 64-bit Zobrist hashes (kept up to date by
   * the search in O(1) per step) and the state. Two different sets share both hashes with
   * probability 2^-128 per pair; such a collision could only prune a configuration wrongly, that is
   * turn a true "linearizable" into "not linearizable", never the reverse, since a "linearizable"
   * verdict is always witnessed by a complete path.
   */
  private record Key(long setHash, long setHash2, Object state) {}
}
