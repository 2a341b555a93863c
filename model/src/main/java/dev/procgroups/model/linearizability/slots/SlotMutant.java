package dev.procgroups.model.linearizability.slots;

/**
 * Deliberately broken variants of the slot checker, switched on only by tests, to show that the
 * corpus test catches a checker wrong in each of these ways.
 */
enum SlotMutant {
  NONE,
  /** A read is compared only on the PIDs it lists: a read missing a member goes unnoticed. */
  READ_CHECKS_LISTED_PIDS_ONLY,
  /**
   * Crashed calls are dropped, as Knossos treats {@code :fail}: a crashed join seen later is a
   * violation.
   */
  CRASHED_CALLS_DROPPED
}
