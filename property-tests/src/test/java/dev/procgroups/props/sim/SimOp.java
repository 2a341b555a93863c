package dev.procgroups.props.sim;

import java.util.List;

/**
 * One step of a simulated schedule, followed by {@code advance} ms of virtual time. Nodes and
 * processes are indices taken modulo what exists at that point, so every op stays meaningful when
 * jqwik shrinks the schedule around it.
 */
sealed interface SimOp {
  long advance();

  /** An op that happens on one node (nothing happens if that node is down). */
  sealed interface OnNode extends SimOp {
    int node();
  }

  /** An op by one of a node's live processes (nothing happens if it has none). */
  sealed interface OnProcess extends OnNode {
    int proc();
  }

  record Spawn(int node, long advance) implements OnNode {}

  record Join(int node, int proc, List<String> groups, long advance) implements OnProcess {}

  record Leave(int node, int proc, List<String> groups, long advance) implements OnProcess {}

  record Exit(int node, int proc, long advance) implements OnProcess {}

  /** A monitor of one group, or of the whole scope with a null group. */
  record Monitor(int node, String group, long advance) implements OnNode {}

  record Broadcast(int node, int proc, String group, long advance) implements OnProcess {}

  /** Stops a running node (its processes die with it). */
  record Crash(int node, long advance) implements OnNode {}

  /** Starts a node again with a new incarnation; a running node is crashed first. */
  record Restart(int node, long advance) implements SimOp {}

  /** Nodes whose bit is set in {@code mask} on one side, the rest on the other. */
  record Partition(int mask, long advance) implements SimOp {}

  /** Loses every message from one node to another, unnoticed by the failure detector. */
  record Cut(int from, int to, long advance) implements SimOp {}

  record Heal(long advance) implements SimOp {}
}
