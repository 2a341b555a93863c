package dev.procgroups.model.checkers;

import java.util.Objects;

/**
 * One numbered broadcast from the history.
 *
 * @param op history index of the completion
 * @param message the run-wide unique number the harness put in the payload
 * @param complete time the call returned, or {@link Long#MAX_VALUE} if it never did
 */
public record BroadcastSend(
    long op,
    String sender,
    String group,
    long message,
    long invoke,
    long complete,
    Outcome outcome) {
  public BroadcastSend {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(outcome, "outcome");
  }
}
