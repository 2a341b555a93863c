package dev.procgroups.transport.atomix;

/**
 * How many rejected messages (failed authentication, replayed, misaddressed) one inbound connection
 * may send per window before it is cut: an honest peer sends none, or a few after a restart; a
 * party without the secret would otherwise make the node check every forgery it can send. Each cut
 * costs the sender a new connection and handshake. The clock is monotonic (nanoseconds);
 * thread-safe.
 */
final class RejectedInputLimit {

  static final int MAX_PER_WINDOW = 100;
  static final long WINDOW_NANOS = 10_000_000_000L;

  private long windowStart = Long.MIN_VALUE;
  private int inWindow;

  /** Counts one rejection at {@code nowNanos}; true once the window's budget is exceeded. */
  synchronized boolean exceededAfter(long nowNanos) {
    if (windowStart == Long.MIN_VALUE || nowNanos - windowStart >= WINDOW_NANOS) {
      windowStart = nowNanos;
      inWindow = 0;
    }
    return ++inWindow > MAX_PER_WINDOW;
  }
}
