package dev.procgroups.flood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The bounded flood (issue 7, Load): one node joins and leaves as fast as it can while the others
 * broadcast; no node stays behind for good (every view equals the nodes' local slots within 30 s
 * of the flood's end), and the heap live after collections stays under
 * {@value #LIVE_HEAP_BOUND_MB} MB (the test JVM has -Xmx1g). Ten seconds by default;
 * {@code -Dprocgroups.flood.seconds=N} floods longer, but the live heap grows with the flood's
 * length (the observers' replication backlog is unbounded, see bench/results/flood.md), so a
 * 30 s flood breaks this bound. The figures come from FloodBench.
 */
class FloodTest {
  static final long LIVE_HEAP_BOUND_MB = 384;
  private static final long SECONDS = Long.getLong("procgroups.flood.seconds", 10);
  private static final Duration CONVERGENCE_BOUND = Duration.ofSeconds(30);

  @Test
  void aFloodingNodeIsFollowedAndTheClusterConvergesWithBoundedHeap() {
    FloodResult r = assertTimeoutPreemptively(Duration.ofSeconds(120 + 2 * SECONDS),
        () -> new FloodRun(Duration.ofSeconds(SECONDS), 16, CONVERGENCE_BOUND).run());

    assertThat(r.slotOps()).as("the flooder made progress").isGreaterThan(1000);
    assertThat(r.broadcasts()).as("the others broadcast").isPositive();
    assertThat(r.converged()).as("every view equals the nodes' local slots within %s: %s",
        CONVERGENCE_BOUND, r).isTrue();
    assertThat(r.peakHeapAfterGcBytes() >> 20).as("live heap after GC (MB): %s", r)
        .isLessThan(LIVE_HEAP_BOUND_MB);
    assertThat((r.heapAfterBytes() - r.baselineHeapBytes()) >> 20)
        .as("heap retained once the cluster is closed (MB): %s", r).isLessThan(64);
  }
}
