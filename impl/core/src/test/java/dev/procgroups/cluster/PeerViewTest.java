package dev.procgroups.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.node.LocalCluster;
import dev.procgroups.node.Node;
import dev.procgroups.security.SecurityPolicy;
import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live peers, the peer listener, and how fast a closed node is seen gone (logged, not asserted).
 */
class PeerViewTest {

  private static final Logger LOG = LoggerFactory.getLogger(PeerViewTest.class);

  private record Seen(PeerEvent event, long nanos) {}

  @Test
  @Timeout(120)
  void peersAreListedWithIncarnationsAndAClosedNodeIsSeenDownByItsFarewell() throws Exception {
    try (LocalCluster cluster =
        new LocalCluster(3, Map.of("app:pg", Map.of()), SecurityPolicy.allowAll())) {
      Node n1 = cluster.node(1);
      NodeId n2 = cluster.node(2).id();
      NodeId n3 = cluster.node(3).id();
      BlockingQueue<Seen> events = new LinkedBlockingQueue<>();
      n1.cluster().onPeerChange(e -> events.add(new Seen(e, System.nanoTime())));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!n1.cluster().peers().equals(Map.of("n2", n2, "n3", n3))) {
        assertThat(System.nanoTime()).as("n1 sees n2 and n3 up").isLessThan(deadline);
        Thread.sleep(20);
      }
      events.clear();

      long start = System.nanoTime();
      cluster.node(3).close();
      long closed = System.nanoTime();
      Seen seen = events.poll(20, TimeUnit.SECONDS);
      while (seen != null && seen.event() instanceof PeerEvent.Up) { // a repeated Up is harmless
        seen = events.poll(20, TimeUnit.SECONDS);
      }

      assertThat(seen).isNotNull();
      assertThat(seen.event()).isEqualTo(new PeerEvent.Down(n3));
      assertThat(n1.cluster().peers()).isEqualTo(Map.of("n2", n2));
      // The figure of docs/java.md "Lifecycle" (SWIM's failure detector alone takes >= 1 s).
      LOG.info(
          "close() took {} ms; n1 saw n3 down {} ms after close() began",
          TimeUnit.NANOSECONDS.toMillis(closed - start),
          TimeUnit.NANOSECONDS.toMillis(seen.nanos() - start));
    }
  }
}
