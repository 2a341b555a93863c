package dev.procgroups.transport.atomix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent;
import dev.procgroups.transport.auth.ClusterSecret;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The repro on real transports: a process without the cluster secret, named like a live
 * node and with a larger incarnation, talks to every node for several failure timeouts. No node may
 * change its view: the real n2 stays up everywhere, no Down and no new incarnation is reported, and
 * the honest nodes keep exchanging messages.
 */
@Timeout(90)
class ImpostorTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  /** Several failure timeouts of the fast profile (1.3 s): the split took about 5 s before. */
  private static final Duration IMPOSTOR_RUNS = Duration.ofSeconds(8);

  @Test
  void aNodeNamedLikeALiveOneWithoutTheSecretChangesNoView() throws Exception {
    try (LoopbackCluster honest = new LoopbackCluster(3, SwimProfile.FAST)) {
      honest.awaitAllUp(TIMEOUT);
      NodeId victim = honest.id(1);
      try (LoopbackNode impostor =
          LoopbackNode.start(
              victim.name(),
              FreePorts.next(),
              victim.incarnation() + 1_000_000,
              honest.seeds,
              SwimProfile.FAST,
              ClusterSecret.random())) {
        Thread.sleep(IMPOSTOR_RUNS.toMillis());
        assertThat(impostor.peerEvents.events()).as("the impostor is let in nowhere").isEmpty();
      }
      Thread.sleep(IMPOSTOR_RUNS.toMillis()); // and nothing happens after it left either
      for (int observer : List.of(0, 2)) {
        assertThat(honest.node(observer).peerEvents.events())
            .as("what %s saw", honest.id(observer))
            .filteredOn(event -> event.peer().name().equals(victim.name()))
            .containsExactly(new PeerEvent.Up(victim));
      }
      honest.node(0).transport.send(victim, new byte[] {7});
      honest.node(1).messages.awaitCount(1, TIMEOUT);
      assertThat(honest.node(1).messages.from(honest.id(0))).hasSize(1);
    }
  }
}
