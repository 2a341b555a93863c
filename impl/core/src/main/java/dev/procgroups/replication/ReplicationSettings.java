package dev.procgroups.replication;

/**
 * Timing of the protocol, in the driver's time unit (milliseconds for real nodes, virtual ones in
 * the simulator).
 *
 * @param digestInterval how often a digest goes to each peer (anti-entropy)
 * @param suspectAfter how long a peer may stay silent before its slots are dropped for this scope
 * @param resyncRetry the least time between two resync requests to one peer
 * @param changeLogSlots how many slots the log of recent local changes may move, in total: a peer
 *     that comes back having missed no more than these gets only the difference; one that missed
 *     more gets the full state
 */
public record ReplicationSettings(
    long digestInterval, long suspectAfter, long resyncRetry, long changeLogSlots) {

  /** The change log's default bound: a few MB of references to changes already made. */
  public static final long DEFAULT_CHANGE_LOG_SLOTS = 1 << 16;

  public ReplicationSettings {
    if (digestInterval <= 0
        || suspectAfter <= digestInterval
        || resyncRetry < 0
        || changeLogSlots < 0) {
      throw new IllegalArgumentException(
          "need 0 < digestInterval < suspectAfter, resyncRetry >= 0, changeLogSlots >= 0");
    }
  }

  /** With the default change log. */
  public ReplicationSettings(long digestInterval, long suspectAfter, long resyncRetry) {
    this(digestInterval, suspectAfter, resyncRetry, DEFAULT_CHANGE_LOG_SLOTS);
  }

  /** Digest every second, suspect after five silent seconds. */
  public static ReplicationSettings defaults() {
    return new ReplicationSettings(1_000, 5_000, 1_000);
  }
}
