package dev.procgroups.daemon.control;

import java.util.List;

/**
 * What {@link Endpoint#STATUS} returns: this node, the peers it hears now (authenticated, within
 * the failure detector's limit) with the incarnation of their current start, and each scope's group
 * and slot counts in this node's view.
 */
public record NodeStatus(
    String node, long incarnation, long osPid, List<Peer> peers, List<Scope> scopes) {

  /** A peer that is up, and which start of it. */
  public record Peer(String name, long incarnation) {}

  /** One {@code pg.scope}: groups and slots in this node's view, slots of local processes. */
  public record Scope(String name, int groups, int slots, int localSlots) {}
}
