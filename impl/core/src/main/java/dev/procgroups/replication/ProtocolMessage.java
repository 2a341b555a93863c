package dev.procgroups.replication;

import dev.procgroups.process.Pid;
import dev.procgroups.store.StoreChange;
import java.util.List;
import java.util.Map;

/**
 * What replication cores of one scope say to each other. Every message carries the sender's
 * incarnation so that a receiver can tell a late message of an earlier start from a current one;
 * changes also carry the origin's sequence number so that gaps and duplicates show.
 */
public sealed interface ProtocolMessage {

  /** The incarnation of the sending node's start. */
  long incarnation();

  /** The sender's whole local state of the scope as of change {@code seq}. */
  record Sync(long incarnation, long seq, Map<String, List<Pid>> pidsByGroup)
      implements ProtocolMessage {}

  /** Consecutive local changes {@code firstSeq, firstSeq + 1, ...} of the sender, in order. */
  record Deltas(long incarnation, long firstSeq, List<Change> changes) implements ProtocolMessage {}

  /** Anti-entropy: the sender's last change number and the hash of its local state. */
  record Digest(long incarnation, long seq, long hash) implements ProtocolMessage {}

  /** Asks the receiver to send its full local state ({@link Sync}). */
  record ResyncRequest(long incarnation) implements ProtocolMessage {}

  /**
   * Asks how far the receiver applied the sender's changes, for a caller waiting until its changes
   * are visible on every live node; sent after those changes, on the same ordered path.
   */
  record Probe(long incarnation, long token) implements ProtocolMessage {}

  /**
   * The answer to {@link Probe} {@code token}: the last change of the asker applied here ({@code
   * appliedSeq}), 0 while the receiver holds no synced copy of the asker's slots.
   */
  record ProbeAck(long incarnation, long token, long appliedSeq) implements ProtocolMessage {}

  /** One local change: slots added or removed, group by group (insertion order kept). */
  record Change(StoreChange.Direction direction, Map<String, List<Pid>> pidsByGroup) {}
}
