package dev.procgroups.bench.cluster;

import dev.procgroups.store.MembershipStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The observer's eye: polls its own store (lock-free reads) until every group holds exactly the
 * expected number of slots. Only groups not yet right are read again, so a poll over 100,000
 * groups stays cheap once most have arrived.
 */
final class SlotWatch {
  private static final long POLL_NANOS = 1_000_000;

  private final MembershipStore store;

  SlotWatch(MembershipStore store) {
    this.store = store;
  }

  /**
   * Waits until the view matches {@code expected} and returns {@link System#nanoTime()} at the
   * poll that saw it.
   *
   * @throws BenchFailure after {@code timeout}, saying how far it got
   */
  long await(ExpectedSlots expected, String phase, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Map.Entry<String, Integer>> pending = new ArrayList<>(expected.byGroup().entrySet());
    while (true) {
      pending.removeIf(e -> store.members(e.getKey()).size() == e.getValue());
      long now = System.nanoTime();
      if (pending.isEmpty()) {
        return now;
      }
      if (now > deadline) {
        throw new BenchFailure(phase + ": the observer still sees " + pending.size()
            + " groups off after " + timeout + ", e.g. " + pending.get(0).getKey() + " with "
            + store.members(pending.get(0).getKey()).size() + " slots, expected "
            + pending.get(0).getValue());
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }
}
