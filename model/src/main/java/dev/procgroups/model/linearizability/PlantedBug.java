package dev.procgroups.model.linearizability;

/**
 * Deliberately broken checker variants, switched on only by tests, to show that the test corpus
 * catches a checker that is wrong in each of these ways.
 */
enum PlantedBug {
  NONE,
  /**
   * The memo key is the linearized set alone: a second path to the same set with another state is
   * pruned.
   */
  MEMO_IGNORES_STATE,
  /**
   * {@code :info} calls are treated like Knossos treats {@code :fail}: as never having happened.
   */
  INFO_AS_FAIL,
  /**
   * Real-time order is ignored: every call may be placed before calls that returned before it
   * began.
   */
  IGNORES_REAL_TIME
}
