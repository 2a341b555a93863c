package dev.procgroups.model.checkers;

import java.util.List;
import java.util.Set;

/**
 * What the convergence checker reads from a run.
 *
 * @param views the final reads of every live node
 * @param nodesAsked how many nodes the run asked for a final read (the views it could have had)
 * @param livePids processes alive at the end (spawned, never killed, on a node never restarted
 *     since)
 * @param deadPids processes killed, or lost with their node's incarnation
 * @param uncertainPids processes whose kill got no answer: alive or dead, neither is checked
 * @param membership every join and leave, to bound each live process's own slots
 */
public record ConvergenceInput(
    List<NodeView> views,
    int nodesAsked,
    Set<String> livePids,
    Set<String> deadPids,
    Set<String> uncertainPids,
    List<MembershipOp> membership) {
  public ConvergenceInput {
    views = List.copyOf(views);
    livePids = Set.copyOf(livePids);
    deadPids = Set.copyOf(deadPids);
    uncertainPids = Set.copyOf(uncertainPids);
    membership = List.copyOf(membership);
  }
}
