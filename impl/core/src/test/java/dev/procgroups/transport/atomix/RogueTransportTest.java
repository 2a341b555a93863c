package dev.procgroups.transport.atomix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.transport.auth.ClusterSecret;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A node with another cluster secret, seeded with two honest nodes: it greets them over and over,
 * but no honest node reports it up, hands its messages on or even learns its address (addresses
 * come from authenticated messages only), and it reports no honest node up either.
 */
@Timeout(60)
class RogueTransportTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @Test
  void aNodeWithAnotherSecretIsNeverUpAndItsMessagesAreRejectedAndCounted() throws Exception {
    try (LoopbackCluster honest = new LoopbackCluster(2, SwimProfile.FAST);
        LoopbackNode rogue =
            LoopbackNode.start(
                "rogue",
                FreePorts.next(),
                1,
                honest.seeds,
                SwimProfile.FAST,
                ClusterSecret.random())) {
      honest.awaitAllUp(TIMEOUT);
      AtomixTransport first = honest.node(0).transport;
      AtomixTransport second = honest.node(1).transport;
      // The rogue greets its seeds every probe interval.
      await(() -> first.rejectedMessages() > 0 && second.rejectedMessages() > 0);

      long before = first.rejectedMessages();
      rogue.transport.send(honest.id(0), new byte[] {1, 2, 3}); // dropped: nobody is up for it
      await(() -> first.rejectedMessages() >= before + 2);

      for (LoopbackNode node : honest.nodes) {
        assertThat(node.messages.from(rogue.transport.self())).isEmpty();
        assertThat(node.peerEvents.events())
            .noneMatch(event -> event.peer().name().equals("rogue"));
      }
      assertThat(rogue.peerEvents.events()).isEmpty();
      assertThat(rogue.messages.all()).isEmpty();
      assertThat(rogue.transport.rejectedMessages()).as("nobody writes to it").isZero();

      // Meanwhile the honest nodes talk as before.
      first.send(honest.id(1), new byte[] {9});
      honest.node(1).messages.awaitCount(1, TIMEOUT);
      assertThat(honest.node(1).messages.from(honest.id(0))).hasSize(1);
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + TIMEOUT);
      }
      Thread.sleep(20);
    }
  }
}
