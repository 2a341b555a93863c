package dev.procgroups.model.linearizability;

import dev.procgroups.model.history.History;
import dev.procgroups.model.history.OpType;

/**
 * One call as the search sees it: its transition, and whether it must be placed before a return
 * event: its own {@code :ok}/{@code :fail} completion, or (for an {@link Transition#eager() eager}
 * indeterminate call) one just after its invocation. Other indeterminate calls may also never be
 * placed.
 */
record Step<S>(History.Call call, Transition<S> transition) {

  /** The call completed {@code :ok} or {@code :fail}. */
  boolean hasReturn() {
    return call.outcome() != OpType.INFO;
  }

  boolean definite() {
    return hasReturn() || transition.eager();
  }

  /**
   * Where its return event sits: the completion, or just after the invocation for an eager call.
   */
  int returnPosition() {
    return hasReturn() ? call.completionPosition() : call.invokePosition();
  }
}
