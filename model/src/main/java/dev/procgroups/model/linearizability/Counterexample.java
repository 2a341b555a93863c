package dev.procgroups.model.linearizability;

import dev.procgroups.model.history.History;
import java.util.List;

/**
 * Why a history is not linearizable, in terms of its shortest non-linearizable prefix: the history
 * up to and including the op with index {@code failingIndex} has no linearization, one op shorter
 * it has. That op is the completion of {@code call}, which cannot take effect in any state the
 * model can be in by then.
 *
 * @param partition the independent object (for membership: the group) the calls are on, or null
 * @param concurrent the other calls that overlap {@code call} or were still pending when it
 *     returned
 * @param statesReached the distinct model states (with the concurrent calls already placed) from
 *     which the search tried and failed to place {@code call}, at most {@link #MAX_STATES}
 * @param distinctStates how many distinct such (state, placed calls) pairs there were in all
 * @param text the same, readable
 */
public record Counterexample<S>(
    long failingIndex,
    Object partition,
    History.Call call,
    List<History.Call> concurrent,
    List<ReachedState<S>> statesReached,
    int distinctStates,
    String text) {

  public static final int MAX_STATES = 16;

  public Counterexample {
    concurrent = List.copyOf(concurrent);
    statesReached = List.copyOf(statesReached);
  }

  /**
   * A model state the search reached just before {@code call} had to take effect, and the
   * concurrent calls it had placed.
   */
  public record ReachedState<S>(S state, List<History.Call> placed) {

    public ReachedState {
      placed = List.copyOf(placed);
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
