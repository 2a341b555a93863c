package dev.procgroups.store;

/**
 * Planted bugs, switched on only by tests, to show that the property tests catch each one. Several
 * are bugs Erlang/OTP pg has or had (shared/notes/erlang-pg-lessons.md).
 */
public enum StoreMutation {
  /** leave removes the process's oldest slot in the group instead of its most recent. */
  LEAVE_OLDEST_SLOT,
  /** A batch join counts each group once against max_members_per_group. */
  LIMIT_COUNTS_GROUPS_ONCE,
  /** A resync that changes a group which exists before and after emits no event (Erlang pg). */
  SYNC_WITHOUT_DIFF_EVENTS,
  /** A peer's leave lists every PID it names in the event, held or not (Erlang pg). */
  NOTIFY_NON_MEMBERS,
  /** A group whose last slot goes stays listed by which_groups (Erlang pg, OTP #11360). */
  EMPTY_GROUPS_LINGER,
  /** A write publishes its new state only when the next write starts: no read-your-writes. */
  STALE_READS
}
