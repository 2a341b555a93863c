package dev.procgroups.transport.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Counts rejected messages and logs at most one warning per peer per interval, so a hostile or
 * misconfigured peer cannot flood the log. The peer key is whatever the message claims (it
 * failed authentication), so the table keeps only the most recent {@link #MAX_PEERS} keys.
 * Thread-safe.
 */
public final class RejectionLog {

  static final int MAX_PEERS = 1024;

  private final Logger log;
  private final long intervalMillis;
  private final LongSupplier clock;
  private final Map<String, Long> lastLogged = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > MAX_PEERS;
    }
  };
  private long rejected;

  public RejectionLog(Logger log, long intervalMillis, LongSupplier clock) {
    this.log = log;
    this.intervalMillis = intervalMillis;
    this.clock = clock;
  }

  /** Counts one rejection; logs it (and returns true) unless this peer was logged lately. */
  public boolean reject(String peer, String reason) {
    long now = clock.getAsLong();
    boolean due;
    long count;
    synchronized (this) {
      count = ++rejected;
      Long last = lastLogged.get(peer);
      due = last == null || now - last >= intervalMillis;
      if (due) {
        lastLogged.put(peer, now);
      }
    }
    if (due) {
      log.warn("rejected a message claiming to be from {}: {} ({} rejected in all; next warning "
          + "for this peer in {} s at the earliest)", peer, reason, count, intervalMillis / 1000);
    }
    return due;
  }

  public synchronized long rejected() {
    return rejected;
  }
}
