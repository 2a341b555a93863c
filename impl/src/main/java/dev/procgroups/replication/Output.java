package dev.procgroups.replication;

import dev.procgroups.transport.NodeId;
import java.util.List;

/** What a {@link ReplicationCore} step asks its driver to do; a step has no other effect. */
public sealed interface Output {

  /** Send {@code message} to {@code to} (best effort). */
  record Send(NodeId to, ProtocolMessage message) implements Output {}

  /** Apply a peer's change to this node's store. */
  record Apply(StoreChange change) implements Output {}

  /** Deliver a remote broadcast to local processes, once per listed slot, in list order. */
  record Deliver(String sender, String topic, Object payload, List<String> targets)
      implements Output {}
}
