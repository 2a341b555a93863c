package dev.procgroups.transport.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Counts rejected messages and logs them so that a hostile or misconfigured peer cannot flood the
 * log: at most one warning per claimed sender per interval, and at most {@link
 * #MAX_WARNINGS_PER_INTERVAL} warnings per interval in all (a forger can claim a new name in every
 * message). The claimed name is unproven, so the table keeps only the most recent {@link
 * #MAX_PEERS} of them, and every claimed text is escaped before it reaches the log: no line break
 * or control character in it can forge a log line. The clock must be monotonic. Thread-safe.
 */
public final class RejectionLog {

  static final int MAX_PEERS = 1024;
  static final int MAX_WARNINGS_PER_INTERVAL = 10;

  /** Longer claimed texts are cut: a name is short, a claimed one can be a megabyte. */
  static final int MAX_LOGGED_CHARS = 80;

  private final Logger log;
  private final long intervalMillis;
  private final LongSupplier clock;
  private final Map<String, Long> lastLogged =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > MAX_PEERS;
        }
      };
  private long rejected;
  private long windowStart;
  private int warningsInWindow;

  public RejectionLog(Logger log, long intervalMillis, LongSupplier clock) {
    this.log = log;
    this.intervalMillis = intervalMillis;
    this.clock = clock;
    this.windowStart = clock.getAsLong();
  }

  /** Counts one rejection; logs it (and returns true) unless the limits say not now. */
  public boolean reject(String peer, String reason) {
    long now = clock.getAsLong();
    boolean due;
    long count;
    synchronized (this) {
      count = ++rejected;
      if (now - windowStart >= intervalMillis) {
        windowStart = now;
        warningsInWindow = 0;
      }
      Long last = lastLogged.get(peer);
      due =
          (last == null || now - last >= intervalMillis)
              && warningsInWindow < MAX_WARNINGS_PER_INTERVAL;
      if (due) {
        lastLogged.put(peer, now);
        warningsInWindow++;
      }
    }
    if (due) {
      log.warn(
          "rejected a message claiming to be from {}: {} ({} rejected in all; next warning "
              + "for this peer in {} s at the earliest)",
          escape(peer),
          escape(reason),
          count,
          intervalMillis / 1000);
    }
    return due;
  }

  public synchronized long rejected() {
    return rejected;
  }

  /**
   * {@code text} safe for one log line: control characters and line or paragraph separators as
   * {@code \\uXXXX}, at most {@link #MAX_LOGGED_CHARS} characters, quoted.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder("\"");
    int end = Math.min(text.length(), MAX_LOGGED_CHARS);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '"' || c == '\\') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (text.length() > end) {
      out.append("...");
    }
    return out.append('"').toString();
  }
}
