package dev.procgroups.model.checkers;

import java.util.List;

/**
 * What the broadcast checker reads from a run.
 *
 * @param membership every join and leave (of receivers and senders alike)
 * @param sends every numbered broadcast
 * @param logs what each process received, for the processes whose log could be read
 * @param wholeWindows windows in which the cluster was whole and converged
 * @param propagationNanos how long a join that returned may take to reach every node's view
 */
public record BroadcastHistory(List<MembershipOp> membership, List<BroadcastSend> sends, List<ReceiverLog> logs,
                               List<Window> wholeWindows, long propagationNanos) {
  public BroadcastHistory {
    membership = List.copyOf(membership);
    sends = List.copyOf(sends);
    logs = List.copyOf(logs);
    wholeWindows = List.copyOf(wholeWindows);
  }
}
