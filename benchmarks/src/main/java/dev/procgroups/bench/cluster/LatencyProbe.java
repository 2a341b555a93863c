package dev.procgroups.bench.cluster;

import dev.procgroups.process.Received;
import dev.procgroups.store.GroupEvent;
import dev.procgroups.store.MembershipStore;
import dev.procgroups.store.Subscription;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Propagation latency of one join at rest: a worker's probe process joins a group, the observer
 * takes the time its monitor event arrives. Both ends read the wall clock of the same machine.
 */
final class LatencyProbe {
  private static final String GROUP = "latency";
  private static final long REST_NANOS = 5_000_000;

  private final MembershipStore store;
  private final WorkerPair pair;
  private final Duration timeout;

  LatencyProbe(MembershipStore store, WorkerPair pair, Duration timeout) {
    this.store = store;
    this.pair = pair;
    this.timeout = timeout;
  }

  /**
   * Times {@code samples} joins after {@code warmup} untimed ones: fresh JVMs run the path on
   * half-compiled code at first (on fresh JVMs, a median of 1.6 ms over the first 200 joins, 0.65
   * ms over the first 3,000).
   */
  ClusterReport.Latency measure(int samples, int warmup) {
    long[] nanos = new long[samples];
    Subscription events = store.monitor(GROUP).subscription();
    try {
      for (int i = -warmup; i < samples; i++) {
        long took = probe(events, Math.floorMod(i, 2) == 0 ? pair.first() : pair.second());
        if (i >= 0) {
          nanos[i] = took;
        }
      }
    } finally {
      events.close();
    }
    Arrays.sort(nanos);
    return samples == 0
        ? new ClusterReport.Latency(0, 0, 0, 0)
        : new ClusterReport.Latency(
            samples,
            Rates.micros(percentile(nanos, 0.50)),
            Rates.micros(percentile(nanos, 0.99)),
            Rates.micros(nanos[samples - 1]));
  }

  /** One join of {@code worker}'s probe process, then its leave; returns the join's latency. */
  private long probe(Subscription events, WorkerJvm worker) {
    worker.send("JOIN1 " + GROUP);
    long seen = next(events, GroupEvent.Kind.JOINED);
    long took = seen - Long.parseLong(worker.await("JOIN1", timeout)[1]);
    worker.send("LEAVE1 " + GROUP);
    next(events, GroupEvent.Kind.LEFT);
    worker.await("LEAVE1", timeout);
    LockSupport.parkNanos(REST_NANOS);
    return took;
  }

  /** Waits for the next event, which must be of {@code kind}; returns when it arrived. */
  private long next(Subscription events, GroupEvent.Kind kind) {
    Optional<Received<GroupEvent>> got;
    try {
      got = events.channel().receive(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailure("latency: interrupted");
    }
    long at = Clock.epochNanos();
    if (got.isEmpty() || !got.get().ok() || got.get().value().kind() != kind) {
      throw new BenchFailure("latency: expected a " + kind + " event, got " + got);
    }
    return at;
  }

  /** The nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
