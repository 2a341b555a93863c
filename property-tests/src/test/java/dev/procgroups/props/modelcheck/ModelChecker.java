package dev.procgroups.props.modelcheck;

import dev.procgroups.replication.ReplicationSettings;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Explores every interleaving of a {@link CheckerConfig} depth-first, merging states with equal
 * fingerprints; checks the safety invariants in every reached state and convergence from every
 * quiet one. Stops at the first violation, with the trace that leads to it.
 */
final class ModelChecker {
  /** Anti-entropy rounds on a healthy network after a quiet state, before views must agree. */
  static final int REPAIR_ROUNDS = 3;

  private ModelChecker() {}

  /**
   * The protocol's timing as the checker needs it: a digest at every tick, resync requests never
   * held back, and no silence detection (ticks carry no real time here; the simulation covers it).
   * A change log of one slot: a heal after one change travels as a patch, after more as the full
   * state, so both are explored.
   */
  static ReplicationSettings settings() {
    return new ReplicationSettings(1, Long.MAX_VALUE / 4, 0, 1);
  }

  static Report explore(CheckerConfig config, ReplicationSettings settings, long maxStates) {
    long start = System.nanoTime();
    Set<Long> seen = new HashSet<>();
    Deque<Frame> stack = new ArrayDeque<>();
    World initial = World.initial(config, settings);
    seen.add(initial.fingerprint());
    stack.push(new Frame(initial, null, 0));
    long transitions = 0;
    long quiet = 0;
    int maxDepth = 0;
    while (!stack.isEmpty()) {
      Frame f = stack.pop();
      if (seen.size() > maxStates) {
        return new Report(
            config.name(),
            seen.size(),
            transitions,
            quiet,
            maxDepth,
            "state limit " + maxStates + " reached",
            f.trace,
            millis(start),
            false);
      }
      maxDepth = Math.max(maxDepth, f.depth);
      for (Action a : f.world.enabled()) {
        World next = f.world.copy();
        next.apply(a);
        transitions++;
        Trace trace = new Trace(a, f.trace);
        String broken = next.violation();
        if (broken == null && !seen.add(next.fingerprint())) {
          continue;
        }
        if (broken == null && next.quiet()) {
          quiet++;
          broken = next.copy().convergenceViolation(REPAIR_ROUNDS);
        }
        if (broken != null) {
          return new Report(
              config.name(),
              seen.size(),
              transitions,
              quiet,
              maxDepth,
              broken,
              trace,
              millis(start),
              true);
        }
        stack.push(new Frame(next, trace, f.depth + 1));
      }
    }
    return new Report(
        config.name(), seen.size(), transitions, quiet, maxDepth, null, null, millis(start), true);
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private record Frame(World world, Trace trace, int depth) {}

  /** The actions from the initial state to a state, newest first (shared between branches). */
  record Trace(Action last, Trace before) {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      for (Trace t = this; t != null; t = t.before) {
        sb.insert(0, "\n  " + t.last);
      }
      return sb.toString();
    }
  }

  /**
   * What an exploration found.
   *
   * @param complete false if it stopped at the state limit before seeing everything
   */
  record Report(
      String config,
      long states,
      long transitions,
      long quietStates,
      int maxDepth,
      String violation,
      Trace trace,
      long millis,
      boolean complete) {
    @Override
    public String toString() {
      return String.format(
          "%s: %,d states, %,d transitions, %,d quiet, depth %d, %d ms%s",
          config,
          states,
          transitions,
          quietStates,
          maxDepth,
          millis,
          violation == null
              ? ""
              : "\n  VIOLATION: " + violation + (trace == null ? "" : "\n  trace:" + trace));
    }
  }
}
