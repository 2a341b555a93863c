package dev.procgroups.replication;

/**
 * Deliberately broken variants of the protocol, one per failure mode the proofs must notice. Only
 * tests switch them on (through {@link ReplicationSettings#withMutations}); a test asserts that the
 * simulation or the model checker catches each one.
 */
public enum ProtocolMutation {
  /** Apply a delta batch even when changes before it are missing. */
  APPLY_OUT_OF_ORDER,
  /** Apply a delta batch again when it arrives twice. */
  APPLY_DUPLICATES,
  /** Keep a peer's slots when it goes down or falls silent. */
  SKIP_DOWN_CLEANUP,
  /** Treat every incarnation of a node as the same: no reset on restart, old messages accepted. */
  IGNORE_INCARNATIONS,
  /** Apply messages from peers the transport reports down. */
  ACCEPT_FROM_DOWN_PEERS,
  /** Send no digests, so a lost last delta is never repaired. */
  NO_ANTI_ENTROPY,
  /** Never treat a silent peer as down. */
  NO_SUSPICION,
  /** Deliver every remote message that arrives, late or repeated ones too. */
  UNORDERED_BROADCAST
}
