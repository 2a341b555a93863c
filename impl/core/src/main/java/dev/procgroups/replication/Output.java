package dev.procgroups.replication;

import dev.procgroups.process.Pid;
import dev.procgroups.store.StoreChange;
import dev.procgroups.transport.NodeId;
import java.util.List;

/**
 * What a {@link ReplicationCore} or {@link DeliveryCore} step asks its driver to do; a step has no
 * other effect.
 */
public sealed interface Output {

  /** Send {@code message} to {@code to} (best effort). */
  record Send(NodeId to, WireMessage message) implements Output {}

  /** Apply a peer's change to this node's store. */
  record Apply(StoreChange change) implements Output {}

  /**
   * Peer {@code peer} answered probe {@code token}: it applied this node's changes up to {@code
   * appliedSeq} (for callers waiting until their changes are visible).
   */
  record Acked(NodeId peer, long token, long appliedSeq) implements Output {}

  /** Deliver a message from a remote process to local ones, once per listed slot, in order. */
  record Deliver(Pid sender, String topic, Object payload, List<Pid> targets) implements Output {}
}
