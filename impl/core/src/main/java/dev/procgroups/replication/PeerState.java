package dev.procgroups.replication;

import dev.procgroups.transport.NodeId;

/** What one core knows about one peer of its scope: liveness and the replica of its slots. */
final class PeerState {
  /** The incarnation the transport reports up, or null while the peer is down. */
  NodeId up;

  /** Silent for too long: its slots are dropped until it is heard again. */
  boolean suspected;

  long lastHeard;
  long lastDigestSent = Long.MIN_VALUE / 2;
  long lastResyncRequest = Long.MIN_VALUE / 2;

  /** True once a full sync of the current incarnation has been applied. */
  boolean synced;

  /** A full sync was asked for (or is due after up) and has not arrived yet. */
  boolean resyncPending;

  /** Whether the store may hold slots of this peer (a Drop is due when forgetting it). */
  boolean holding;

  long appliedSeq;
  long replicaHash;

  PeerState copy() {
    PeerState c = new PeerState();
    c.up = up;
    c.suspected = suspected;
    c.lastHeard = lastHeard;
    c.lastDigestSent = lastDigestSent;
    c.lastResyncRequest = lastResyncRequest;
    c.synced = synced;
    c.resyncPending = resyncPending;
    c.holding = holding;
    c.appliedSeq = appliedSeq;
    c.replicaHash = replicaHash;
    return c;
  }

  /** Forgets the replica (after a drop); the next full sync rebuilds it. */
  void forgetReplica() {
    synced = false;
    resyncPending = false;
    holding = false;
    appliedSeq = 0;
    replicaHash = 0;
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
        + appliedSeq
        + "/"
        + replicaHash;
  }
}
