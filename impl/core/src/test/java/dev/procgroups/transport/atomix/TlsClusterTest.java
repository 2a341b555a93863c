package dev.procgroups.transport.atomix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.testing.PlantedBugs;
import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent;
import dev.procgroups.transport.tls.ReloadingTls;
import dev.procgroups.transport.tls.TestCa;
import dev.procgroups.transport.tls.TlsProbe;
import dev.procgroups.transport.tls.TransportSecurity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real transports with mutual TLS on 127.0.0.1: the cluster converges; a party without a
 * certificate of the cluster's authority (plaintext, no certificate, another authority) is refused
 * at the handshake and changes no view, even holding the cluster secret; a certified node that
 * claims another node's name is not believed (and is, with the name check planted out).
 */
@Timeout(120)
class TlsClusterTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  /** Several failure timeouts of the fast profile (1.3 s). */
  private static final Duration OUTSIDERS_RUN = Duration.ofSeconds(6);

  @TempDir Path dir;

  private final TestCa ca = TestCa.create("cluster-ca");

  @Test
  void aTlsClusterConvergesAndCarriesMessages() throws Exception {
    try (LoopbackCluster cluster = new LoopbackCluster(3, SwimProfile.FAST, this::certified)) {
      cluster.awaitAllUp(TIMEOUT);
      cluster.node(0).transport.send(cluster.id(2), new byte[] {42});
      cluster.node(2).messages.awaitCount(1, TIMEOUT);
      assertThat(cluster.node(2).messages.from(cluster.id(0))).hasSize(1);
      assertThat(cluster.node(0).transport.tlsCertificates()).isPresent();
    }
  }

  @Test
  void partiesWithoutAClusterCertificateAreRefusedAtTheHandshakeAndChangeNoView() throws Exception {
    try (LoopbackCluster cluster = new LoopbackCluster(3, SwimProfile.FAST, this::certified)) {
      cluster.awaitAllUp(TIMEOUT);
      NodeId victim = cluster.id(1);
      SeedMember target = cluster.seeds.get(0);
      TestCa other = TestCa.create("other-ca");
      assertThat(TlsProbe.connect(target.host(), target.port(), null, List.of(ca)).accepted())
          .as("no client certificate")
          .isFalse();
      assertThat(
              TlsProbe.connect(target.host(), target.port(), other.issue("n9"), List.of(ca))
                  .accepted())
          .as("a certificate of another authority")
          .isFalse();
      // With the cluster's secret, named like a live node with a larger incarnation: the worst
      // case for the certificate alone. One without TLS, one certified by another authority.
      try (LoopbackNode plaintext =
              LoopbackNode.start(
                  victim.name(),
                  FreePorts.next(),
                  victim.incarnation() + 1_000,
                  cluster.seeds,
                  SwimProfile.FAST,
                  cluster.secret(),
                  TransportSecurity.plaintext());
          LoopbackNode foreign =
              LoopbackNode.start(
                  victim.name(),
                  FreePorts.next(),
                  victim.incarnation() + 2_000,
                  cluster.seeds,
                  SwimProfile.FAST,
                  cluster.secret(),
                  TestCa.write(
                      dir.resolve("foreign"), other.issue(victim.name()), List.of(other)))) {
        Thread.sleep(OUTSIDERS_RUN.toMillis());
        assertThat(plaintext.peerEvents.events()).as("the plaintext node is let in").isEmpty();
        assertThat(foreign.peerEvents.events()).as("the foreign node is let in").isEmpty();
      }
      assertViewUnchanged(cluster, victim);
      assertThat(cluster.node(0).transport.failedHandshakes())
          .as("refused handshakes at n1: the probes and the outsiders' connections")
          .isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void aCertifiedNodeClaimingAnotherNodesNameIsNotBelieved() throws Exception {
    try (LoopbackCluster cluster = new LoopbackCluster(3, SwimProfile.FAST, this::certified)) {
      cluster.awaitAllUp(TIMEOUT);
      assertThat(certifiedImpostorSaw(cluster)).as("the impostor is let in").isEmpty();
      assertViewUnchanged(cluster, cluster.id(1));
      assertThat(cluster.node(0).transport.rejectedMessages())
          .as("its messages, rejected for the name")
          .isPositive();
    }
  }

  /** The planted bug TLS_NAMES_UNCHECKED: without the name check the same impostor gets in. */
  @Test
  void withoutTheNameCheckTheCertifiedImpostorIsBelieved() throws Exception {
    PlantedBugs.with(
        Set.of("TLS_NAMES_UNCHECKED"),
        () -> {
          try (LoopbackCluster cluster =
              new LoopbackCluster(3, SwimProfile.FAST, this::certified)) {
            cluster.awaitAllUp(TIMEOUT);
            assertThat(certifiedImpostorSaw(cluster)).as("the impostor is let in").isNotEmpty();
          }
          return null;
        });
  }

  /**
   * Runs, for a few failure timeouts, a node with the cluster's secret and a certificate of the
   * cluster's authority for n9 that claims to be n2 (with a larger incarnation); returns what it
   * saw of the cluster.
   */
  private List<PeerEvent> certifiedImpostorSaw(LoopbackCluster cluster) throws Exception {
    NodeId victim = cluster.id(1);
    TransportSecurity.Tls n9 = certified("n9");
    AtomixTransportConfig claimsVictim =
        AtomixTransportConfig.builder()
            .nodeName(victim.name())
            .bind("127.0.0.1", FreePorts.next())
            .seeds(cluster.seeds)
            .incarnation(victim.incarnation() + 1_000)
            .swimProfile(SwimProfile.FAST)
            .secret(cluster.secret())
            .security(n9)
            .build();
    try (LoopbackNode impostor =
        LoopbackNode.started(new AtomixTransport(claimsVictim, ReloadingTls.load(n9, "n9")))) {
      Thread.sleep(OUTSIDERS_RUN.toMillis());
      return impostor.peerEvents.events();
    }
  }

  /** What n1 and n3 saw of {@code victim}: its one Up, nothing else; and it still hears them. */
  private static void assertViewUnchanged(LoopbackCluster cluster, NodeId victim)
      throws InterruptedException {
    for (int observer : List.of(0, 2)) {
      assertThat(cluster.node(observer).peerEvents.events())
          .as("what %s saw", cluster.id(observer))
          .filteredOn(event -> event.peer().name().equals(victim.name()))
          .containsExactly(new PeerEvent.Up(victim));
    }
    cluster.node(0).transport.send(victim, new byte[] {7});
    cluster.node(1).messages.awaitCount(1, TIMEOUT);
    assertThat(cluster.node(1).messages.from(cluster.id(0))).hasSize(1);
  }

  private TransportSecurity.Tls certified(String name) {
    return TestCa.write(dir.resolve(name), ca.issue(name), List.of(ca));
  }
}
