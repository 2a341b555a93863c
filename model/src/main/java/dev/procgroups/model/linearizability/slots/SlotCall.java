package dev.procgroups.model.linearizability.slots;

import dev.procgroups.model.history.History;

/**
 * One call on one group, compiled for {@link SlotSearch}: what it does to the counted slots of one
 * PID (its index in the group's PID table), or for a read the count it saw of every PID.
 *
 * @param counts for a read: the count of each PID of the group's table; otherwise null
 * @param returnPosition the completion's position, or the invocation's for a crashed call, which
 *     records a pending effect right after its invocation (see {@link Kind#MAY_JOIN})
 * @param call the call as the history holds it
 */
record SlotCall(
    Kind kind, int pid, int[] counts, int invokePosition, int returnPosition, History.Call call) {

  enum Kind {
    /** A join that returned ok: one more slot. */
    JOIN,
    /** A crashed join: a slot that may appear at any later point, at most once. */
    MAY_JOIN,
    /** A leave that returned ok: one slot fewer, so there was one. */
    LEAVE,
    /** A leave that failed INVALID: the PID had no slot. */
    LEAVE_NONE,
    /** A crashed leave: a slot that may disappear at any later point, at most once. */
    MAY_LEAVE,
    /** A read that returned ok: exactly these counts. */
    READ;

    /** Changes nothing when it holds without using a pending effect: it only observes. */
    boolean observes() {
      return this == READ || this == LEAVE_NONE;
    }
  }

  /** This call seen by the projection onto one PID, whose table holds that PID alone. */
  SlotCall onlyPid(int onlyPid) {
    return new SlotCall(
        kind,
        0,
        counts == null ? null : new int[] {counts[onlyPid]},
        invokePosition,
        returnPosition,
        call);
  }
}
