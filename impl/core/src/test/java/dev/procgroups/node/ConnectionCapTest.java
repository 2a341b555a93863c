package dev.procgroups.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.metrics.ProcgroupsMetrics;
import dev.procgroups.testing.PlantedBugs;
import dev.procgroups.transport.auth.ClusterSecret;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One address may hold at most {@code maxConnectionsPerAddress} inbound cluster connections: the
 * next is closed at once and counted as {@code procgroups.connections.refused{reason=address}};
 * once one closes, a new one is let in again. With the cap planted out, the connection is kept.
 */
@Timeout(60)
class ConnectionCapTest {

  private static final int CAP = 2;
  private static final int HELD_OPEN_MILLIS = 1_000;

  @Test
  void connectionsOverTheCapOfOneAddressAreClosedAndCounted() throws Exception {
    MeterRegistry registry = new SimpleMeterRegistry();
    try (Node node = startCapped(registry);
        Socket first = connect(node);
        Socket second = connect(node)) {
      assertThat(heldOpen(first)).isTrue();
      assertThat(heldOpen(second)).isTrue();
      try (Socket third = connect(node)) {
        assertThat(heldOpen(third)).as("over the cap").isFalse();
      }
      assertThat(refused(registry)).isEqualTo(1);
      first.close();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      boolean admitted = false;
      while (!admitted && System.nanoTime() < deadline) {
        try (Socket again = connect(node)) {
          admitted = heldOpen(again);
        }
      }
      assertThat(admitted).as("a place freed by a close is taken again").isTrue();
    }
  }

  /** The planted bug UNCAPPED_CONNECTIONS: the connection over the cap is kept. */
  @Test
  void withoutTheCapTheConnectionOverItIsKept() throws Exception {
    PlantedBugs.with(
        Set.of("UNCAPPED_CONNECTIONS"),
        () -> {
          try (Node node = startCapped(new SimpleMeterRegistry());
              Socket first = connect(node);
              Socket second = connect(node);
              Socket third = connect(node)) {
            assertThat(heldOpen(first) && heldOpen(second)).isTrue();
            assertThat(heldOpen(third)).as("over the cap, yet kept").isTrue();
          }
          return null;
        });
  }

  private static Node startCapped(MeterRegistry registry) throws Exception {
    return Node.start(
        NodeConfig.builder("n1")
            .secret(ClusterSecret.random())
            .plaintext()
            .maxConnectionsPerAddress(CAP)
            .meters(registry)
            .build());
  }

  private static Socket connect(Node node) throws IOException {
    return new Socket("127.0.0.1", node.port());
  }

  /** Whether the node keeps the connection open (waiting for our handshake) for a second. */
  private static boolean heldOpen(Socket socket) throws IOException {
    socket.setSoTimeout(HELD_OPEN_MILLIS);
    try {
      return socket.getInputStream().read() >= 0;
    } catch (SocketTimeoutException waiting) {
      return true;
    } catch (IOException reset) {
      return false;
    }
  }

  private static double refused(MeterRegistry registry) {
    return registry
        .get(ProcgroupsMetrics.REFUSED_CONNECTIONS)
        .tag("reason", "address")
        .functionCounter()
        .count();
  }
}
