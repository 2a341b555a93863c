package dev.procgroups.replication;

import dev.procgroups.transport.NodeId;

/**
 * What one core knows about one peer of its scope: liveness and the replica of its slots. The
 * replica outlives the peer's absence (down, or silent), hidden from the view, so that when the
 * same incarnation comes back only the difference travels.
 */
final class PeerState {
  /** No exchange waiting for its turn. */
  static final long NOT_DUE = Long.MAX_VALUE;

  /** The incarnation the transport reports up, or null while the peer is down. */
  NodeId up;

  /** Silent for too long: its slots are hidden until it is heard again. */
  boolean suspected;

  long lastHeard;
  long lastDigestSent = Long.MIN_VALUE / 2;
  long lastResyncRequest = Long.MIN_VALUE / 2;

  /** When the exchange that follows the peer's coming up is due (staggered per pair). */
  long resumeAt = NOT_DUE;

  /** True while deltas apply on top of the replica: synced and no change missed since. */
  boolean synced;

  /** A resync was asked for (or is due after up) and has not arrived yet. */
  boolean resyncPending;

  /** Whether the store may hold slots of this peer (a Drop is due when hiding or forgetting it). */
  boolean holding;

  /**
   * The peer's slots as of change {@code appliedSeq} of incarnation {@code replicaIncarnation}, or
   * null when none is trusted. While {@code holding}, the store holds the same slots (or, with no
   * trusted replica, slots a full sync is to replace).
   */
  LocalSlots replica;

  long replicaIncarnation;
  long appliedSeq;

  PeerState copy() {
    PeerState c = new PeerState();
    c.up = up;
    c.suspected = suspected;
    c.lastHeard = lastHeard;
    c.lastDigestSent = lastDigestSent;
    c.lastResyncRequest = lastResyncRequest;
    c.resumeAt = resumeAt;
    c.synced = synced;
    c.resyncPending = resyncPending;
    c.holding = holding;
    c.replica = replica == null ? null : replica.copy();
    c.replicaIncarnation = replicaIncarnation;
    c.appliedSeq = appliedSeq;
    return c;
  }

  /** Keeps the replica but takes it out of use (after a hide): a resume brings it up to date. */
  void hideReplica() {
    synced = false;
    resyncPending = false;
    holding = false;
    resumeAt = NOT_DUE;
  }

  /**
   * Stops trusting the replica (its hash disagrees with the peer's): only a full sync rebuilds it.
   * Whatever the store holds of the peer stays until that sync replaces it.
   */
  void distrustReplica() {
    synced = false;
    resyncPending = false; // ask at once
    replica = null;
  }

  /** Forgets the replica (another incarnation): after the store's Drop. */
  void forgetReplica() {
    hideReplica();
    replica = null;
    replicaIncarnation = 0;
    appliedSeq = 0;
  }

  /** A key of everything that matters for the protocol's future, for state hashing. */
  String fingerprint() {
    return up
        + "/"
        + suspected
        + "/"
        + synced
        + "/"
        + resyncPending
        + "/"
        + holding
        + "/"
        + (resumeAt != NOT_DUE)
        + "/"
        + (replica == null ? "-" : replicaIncarnation + ":" + appliedSeq + ":" + replica.hash());
  }
}
