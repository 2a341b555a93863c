package dev.procgroups.replication;

import dev.procgroups.process.Pid;
import java.util.List;
import java.util.Objects;

/** What travels between nodes as one {@code byte[]}. */
public sealed interface WireMessage {

  /** A replication message for one scope. */
  record ForScope(String scope, ProtocolMessage message) implements WireMessage {
    public ForScope {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * A message to the receiver's local processes {@code targets} (one entry per slot): a remote
   * broadcast, or a process-to-process send with one target. {@code number} counts the sending
   * node's deliveries to this receiver in the sender's {@code incarnation}, so a late or repeated
   * one can be discarded: delivery stays FIFO per sender and receiver, and at most once.
   */
  record Delivery(
      long incarnation, long number, Pid sender, String topic, Object payload, List<Pid> targets)
      implements WireMessage {}
}
