package dev.procgroups.node;

import java.util.concurrent.TimeUnit;

/**
 * The two clocks a node reads: the wall clock only to pick an incarnation at start, the monotonic
 * clock for every duration (timeouts, silence, digest intervals), so that a step of the wall clock
 * (NTP, an operator, a VM resumed) changes nothing a node decides. A seam for tests, which step the
 * wall clock without touching the monotonic one.
 */
public interface NodeClock {

  /** The system's clocks. */
  NodeClock SYSTEM =
      new NodeClock() {
        @Override
        public long wallMillis() {
          return System.currentTimeMillis();
        }

        @Override
        public long monotonicMillis() {
          return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
        }
      };

  /** Milliseconds since the epoch, as the wall clock says: it may step back or forward. */
  long wallMillis();

  /** Milliseconds since an arbitrary origin, never going back: only differences mean anything. */
  long monotonicMillis();
}
