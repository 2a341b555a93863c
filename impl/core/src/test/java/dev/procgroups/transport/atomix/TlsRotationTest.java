package dev.procgroups.transport.atomix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent;
import dev.procgroups.transport.tls.TestCa;
import dev.procgroups.transport.tls.TlsCertificates;
import dev.procgroups.transport.tls.TlsProbe;
import dev.procgroups.transport.tls.TransportSecurity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running 3-node TLS cluster moves to a new certificate authority without a restart, as an
 * operator would: first every node gets a certificate of the new authority and trusts both, then
 * the old authority is dropped. Afterwards every new handshake uses the new material (a probe sees
 * the node's new certificate; a certificate of the old authority is refused; a fourth node that
 * knows only the new authority joins all three, both ways), while no node ever saw another go down.
 */
@Timeout(120)
class TlsRotationTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final List<String> NAMES = List.of("n1", "n2", "n3");

  @TempDir Path dir;

  @Test
  void newConnectionsUseRotatedCertificatesWhileTheClusterKeepsItsView() throws Exception {
    TestCa old = TestCa.create("ca-old");
    TestCa next = TestCa.create("ca-next");
    try (LoopbackCluster cluster =
        new LoopbackCluster(
            3,
            SwimProfile.FAST,
            name -> TestCa.write(dir.resolve(name), old.issue(name), List.of(old)))) {
      cluster.awaitAllUp(TIMEOUT);

      Map<String, TestCa.Issued> issued = new HashMap<>();
      NAMES.forEach(name -> issued.put(name, next.issue(name)));
      NAMES.forEach(name -> TestCa.write(dir.resolve(name), issued.get(name), List.of(old, next)));
      awaitReloads(cluster, 1);
      NAMES.forEach(name -> TestCa.write(dir.resolve(name), issued.get(name), List.of(next)));
      awaitReloads(cluster, 2);

      for (int i = 0; i < NAMES.size(); i++) {
        SeedMember seed = cluster.seeds.get(i);
        TlsProbe.Outcome fresh =
            TlsProbe.connect(seed.host(), seed.port(), next.issue("probe"), List.of(next));
        assertThat(fresh.accepted()).as("%s lets in a certificate of the new CA", seed).isTrue();
        assertThat(fresh.served())
            .as("%s presents its new certificate", seed)
            .isEqualTo(issued.get(seed.name()).certificate());
        assertThat(
                TlsProbe.connect(seed.host(), seed.port(), old.issue("probe"), List.of(next))
                    .accepted())
            .as("%s refuses a certificate of the dropped CA", seed)
            .isFalse();
      }

      TransportSecurity.Tls newcomer =
          TestCa.write(dir.resolve("n4"), next.issue("n4"), List.of(next));
      try (LoopbackNode n4 =
          LoopbackNode.start(
              "n4",
              FreePorts.next(),
              1,
              cluster.seeds,
              SwimProfile.FAST,
              cluster.secret(),
              newcomer)) {
        for (int i = 0; i < NAMES.size(); i++) {
          n4.peerEvents.awaitUp(cluster.id(i), TIMEOUT);
          cluster.node(i).peerEvents.awaitUp(n4.transport.self(), TIMEOUT);
        }
      }

      for (int observer = 0; observer < NAMES.size(); observer++) {
        for (int peer = 0; peer < NAMES.size(); peer++) {
          NodeId seen = cluster.id(peer);
          if (peer != observer) {
            assertThat(cluster.node(observer).peerEvents.events())
                .as("what %s saw of %s through the rotation", cluster.id(observer), seen)
                .filteredOn(event -> event.peer().equals(seen))
                .containsExactly(new PeerEvent.Up(seen));
          }
        }
      }
    }
  }

  /** Waits until every node of {@code cluster} took up rotated files {@code count} times. */
  private static void awaitReloads(LoopbackCluster cluster, long count)
      throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    for (LoopbackNode node : cluster.nodes) {
      while (node.transport.tlsCertificates().map(TlsCertificates::reloads).orElse(0L) < count) {
        assertThat(System.nanoTime())
            .as("%s reloaded in time", node.transport.self())
            .isLessThan(deadline);
        Thread.sleep(50);
      }
    }
  }
}
