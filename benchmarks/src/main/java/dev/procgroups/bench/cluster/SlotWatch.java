package dev.procgroups.bench.cluster;

import dev.procgroups.process.Received;
import dev.procgroups.store.EventsSnapshot;
import dev.procgroups.store.GroupEvent;
import dev.procgroups.store.MembershipStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The observer's eye. A scope-wide subscription keeps a running count of all slots in the
 * observer's view (so waiting costs no scan of 100,000 groups per poll, which would compete with
 * replication for the CPU); once the count is right, one scan checks every group's count.
 */
final class SlotWatch implements AutoCloseable {
  /** The observer's scope config: a subscription buffer large enough never to drop an event. */
  static final Map<String, Object> OBSERVER_SCOPE = Map.of("monitor_buffer", Integer.MAX_VALUE);

  private static final long POLL_NANOS = 200_000;

  private final MembershipStore store;
  private final EventsSnapshot events;
  private final AtomicLong slots = new AtomicLong();
  private final Thread counter;

  SlotWatch(MembershipStore store) {
    this.store = store;
    this.events = store.events();
    events.groups().values().forEach(pids -> slots.addAndGet(pids.size()));
    this.counter = new Thread(this::count, "bench-slot-count");
    counter.setDaemon(true);
    counter.start();
  }

  /**
   * Waits until the view matches {@code expected} (and holds no other slot) and returns {@link
   * System#nanoTime()} at the poll that saw the count complete.
   *
   * @throws BenchFailure after {@code timeout}, saying how far it got
   */
  long await(ExpectedSlots expected, String phase, Duration timeout) {
    return await(expected.total(), () -> matches(expected), phase, timeout);
  }

  /** Waits until the view holds {@code total} slots; returns {@link System#nanoTime()} then. */
  long awaitTotal(long total, String phase, Duration timeout) {
    return await(total, () -> true, phase, timeout);
  }

  private long await(long target, BooleanSupplier check, String phase, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long now = System.nanoTime();
      if (slots.get() == target && check.getAsBoolean()) {
        return now;
      }
      if (events.subscription().dropped() > 0) {
        throw new BenchFailure(phase + ": the observer's subscription dropped events");
      }
      if (now > deadline) {
        throw new BenchFailure(
            phase
                + ": after "
                + timeout
                + " the observer sees "
                + slots.get()
                + " slots, expected "
                + target);
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  private boolean matches(ExpectedSlots expected) {
    for (Map.Entry<String, Integer> e : expected.byGroup().entrySet()) {
      if (store.members(e.getKey()).size() != e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private void count() {
    try {
      while (true) {
        Received<GroupEvent> got = events.subscription().channel().receive();
        if (!got.ok()) {
          return;
        }
        List<?> pids = got.value().pids();
        slots.addAndGet(got.value().kind() == GroupEvent.Kind.JOINED ? pids.size() : -pids.size());
      }
    } catch (InterruptedException e) {
      // closed
    }
  }

  @Override
  public void close() {
    events.subscription().close();
    counter.interrupt();
  }
}
