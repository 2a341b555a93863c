package dev.procgroups.model.linearizability;

/**
 * What one call does to the model state, prepared once per call so the search only applies it.
 * Transitions that are {@code equals} must behave the same: the checker treats indeterminate calls
 * with equal transitions as interchangeable (records get this for free; identity equality is safe).
 */
public interface Transition<S> {

  /** The state after the call, or null when its observed outcome is impossible in {@code state}. */
  S apply(S state);

  /**
   * The independent object this call touches. Calls on different keys commute, so the checker
   * checks each key's calls apart (linearizability is local). If any call returns null, all calls
   * are checked together.
   */
  default Object partition() {
    return null;
  }

  /**
   * False when the call can neither change the state nor be contradicted by it (a failed or
   * indeterminate read, say); the checker then leaves it out of the search.
   */
  default boolean matters() {
    return true;
  }

  /**
   * For an indeterminate call: true when taking effect right after its invocation is never worse
   * than taking effect later or never, because the transition records a possibility (say, "this
   * slot may have been added") that later calls may use or not. The checker then places the call
   * right after its invocation, as if it had returned at once, instead of searching over where.
   */
  default boolean eager() {
    return false;
  }
}
