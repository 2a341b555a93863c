package dev.procgroups.model.checkers;

import java.util.Objects;

/**
 * A completed join or leave of one process in one group, from the history.
 *
 * @param op history index of the completion
 * @param invoke time the call started (ns since the start of the run)
 * @param complete time it returned, or {@link Long#MAX_VALUE} if it never did
 */
public record MembershipOp(
    long op, String pid, String group, Change change, long invoke, long complete, Outcome outcome) {

  /** Join adds a slot, leave removes one. */
  public enum Change {
    JOIN,
    LEAVE
  }

  public MembershipOp {
    Objects.requireNonNull(pid, "pid");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(outcome, "outcome");
    if (complete < invoke) {
      throw new IllegalArgumentException("completes before it starts: " + op);
    }
  }

  public boolean isJoin() {
    return change == Change.JOIN;
  }
}
