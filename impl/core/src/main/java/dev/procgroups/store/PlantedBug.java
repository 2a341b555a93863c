package dev.procgroups.store;

import java.util.List;

/**
 * The store's planted bugs: each breaks one rule so that a test can show its checker catches it
 * (several are bugs Erlang/OTP pg has or had, shared/notes/erlang-pg-lessons.md). Off unless named
 * in the system property {@code procgroups.plantedBugs}; a store reads it once, when it is made.
 * The mechanism, the same in every package that has planted bugs: impl/README.md "Planted bugs".
 */
enum PlantedBug {
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
  STALE_READS;

  /** Whether the system property {@code procgroups.plantedBugs} (comma-separated) names it. */
  boolean planted() {
    return List.of(System.getProperty("procgroups.plantedBugs", "").split(",")).contains(name());
  }
}
