package dev.procgroups.replication;

/**
 * Timing of the protocol, in the driver's time unit (milliseconds for real nodes, virtual ones in
 * the simulator).
 *
 * @param digestInterval how often a digest goes to each peer (anti-entropy)
 * @param suspectAfter how long a peer may stay silent before its slots are dropped for this scope
 * @param resyncRetry the least time between two resync requests to one peer
 */
public record ReplicationSettings(long digestInterval, long suspectAfter, long resyncRetry) {

  public ReplicationSettings {
    if (digestInterval <= 0 || suspectAfter <= digestInterval || resyncRetry < 0) {
      throw new IllegalArgumentException(
          "need 0 < digestInterval < suspectAfter, resyncRetry >= 0");
    }
  }

  /** Digest every second, suspect after five silent seconds. */
  public static ReplicationSettings defaults() {
    return new ReplicationSettings(1_000, 5_000, 1_000);
  }
}
