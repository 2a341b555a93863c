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

  /**
   * Asks the receiver for its local state: only what changed since {@code baseSeq} ({@link Patch})
   * when the sender holds a copy of the receiver's state as of that change, whose hash is {@code
   * baseHash}; the whole state ({@link Sync}) when {@code baseSeq} is {@link #NO_BASE} or the
   * receiver cannot tell the difference.
   */
  record ResyncRequest(long incarnation, long baseSeq, long baseHash) implements ProtocolMessage {
    /** No copy held: send everything. */
    public static final long NO_BASE = -1;

    /** A request for the whole state. */
    public ResyncRequest(long incarnation) {
      this(incarnation, NO_BASE, 0);
    }

    public boolean hasBase() {
      return baseSeq != NO_BASE;
    }
  }

  /**
   * Turns a copy of the sender's state as of change {@code baseSeq} into its state as of {@code
   * seq}, whose hash is {@code hash}: remove {@code leaves}, then add {@code joins} (the net effect
   * of the changes in between, a pid repeated once per slot). The answer to a {@link ResyncRequest}
   * with a base.
   */
  record Patch(
      long incarnation,
      long baseSeq,
      long seq,
      long hash,
      Map<String, List<Pid>> leaves,
      Map<String, List<Pid>> joins)
      implements ProtocolMessage {}

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
