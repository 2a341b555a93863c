package dev.procgroups.model.linearizability;

import dev.procgroups.model.history.History;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls on one independent object, in invocation order, and how to turn them into search steps
 * for the whole history or for a prefix of it.
 */
record Partition(Object key, List<History.Call> calls) {

  /** Includes every call. */
  static final int WHOLE = Integer.MAX_VALUE;

  /**
   * The search steps of the history's prefix up to position {@code cut} (inclusive): calls invoked
   * later are left out, calls completing later become pending (outcome unknown), calls that do not
   * matter are dropped. {@code originals} receives the uncut call of every step, in step order.
   */
  <S> List<Step<S>> steps(
      Specification<S> spec, int cut, PlantedBug bug, List<History.Call> originals) {
    List<Step<S>> steps = new ArrayList<>();
    for (History.Call call : calls) {
      if (call.invokePosition() > cut) {
        continue;
      }
      History.Call seen =
          call.completion() != null && call.completionPosition() > cut
              ? new History.Call(call.invoke(), call.invokePosition(), null, -1)
              : call;
      Transition<S> transition = transition(spec, seen);
      boolean dropped =
          !transition.matters()
              || (bug == PlantedBug.INFO_AS_FAIL && !new Step<>(seen, transition).hasReturn());
      if (!dropped) {
        steps.add(new Step<>(seen, transition));
        originals.add(call);
      }
    }
    return steps;
  }

  static <S> Transition<S> transition(Specification<S> spec, History.Call call) {
    try {
      return spec.transition(call);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "call invoked at index " + call.invoke().index() + ": " + e.getMessage(), e);
    }
  }
}
