package dev.procgroups.transport;

/** A change in which peers this node can reach, as reported by a transport's failure detector. */
public sealed interface PeerEvent {
  NodeId peer();

  /** The peer is reachable (first seen, back after a failure, or a new incarnation). */
  record Up(NodeId peer) implements PeerEvent {}

  /** The peer is unreachable or gone; its replicated state must be dropped. */
  record Down(NodeId peer) implements PeerEvent {}
}
