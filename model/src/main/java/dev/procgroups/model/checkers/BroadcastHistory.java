package dev.procgroups.model.checkers;

import java.util.List;

/**
 * What the broadcast checker reads from a run.
 *
 * @param membership every join and leave (of receivers and senders alike)
 * @param sends every numbered broadcast
 * @param logs what each process received, for the processes whose log could be read
 * @param faultFree the stretches in which no fault was in force (from the end of the undoing of one
 *     fault to the start of the next; the last one ends with the history)
 * @param views every ok {@code get_members}: what a node's view held, for the completeness check
 */
public record BroadcastHistory(
    List<MembershipOp> membership,
    List<BroadcastSend> sends,
    List<ReceiverLog> logs,
    List<Window> faultFree,
    List<ViewRead> views) {
  public BroadcastHistory {
    membership = List.copyOf(membership);
    sends = List.copyOf(sends);
    logs = List.copyOf(logs);
    faultFree = List.copyOf(faultFree);
    views = List.copyOf(views);
  }
}
