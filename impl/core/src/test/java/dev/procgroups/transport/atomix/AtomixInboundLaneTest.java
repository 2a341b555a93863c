package dev.procgroups.transport.atomix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.transport.BoundedHandOff;
import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.auth.ClusterSecret;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A receiver whose transport thread is stuck: its bounded lane drops batches, not the node. */
@Timeout(60)
class AtomixInboundLaneTest {

  @Test
  void batchesBeyondAFullLaneAreDroppedAndCountedAndLaterOnesStillArriveInOrder() throws Exception {
    ClusterSecret secret = ClusterSecret.random();
    List<SeedMember> seeds =
        List.of(
            new SeedMember("a", "127.0.0.1", FreePorts.next()),
            new SeedMember("b", "127.0.0.1", FreePorts.next()));
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> received = new CopyOnWriteArrayList<>();
    Set<NodeId> upAtA = ConcurrentHashMap.newKeySet();
    try (AtomixTransport a =
            transport(seeds.get(0), seeds, secret, BoundedHandOff.DEFAULT_CAPACITY_BYTES);
        AtomixTransport b = transport(seeds.get(1), seeds, secret, 1)) {
      a.onPeerEvent(event -> upAtA.add(event.peer()));
      b.onMessage(
          (from, message) -> {
            int n = ByteBuffer.wrap(message).getInt();
            received.add(n);
            if (received.size() == 1) {
              awaitQuietly(release); // b's transport thread is stuck here
            }
          });
      a.start();
      b.start();
      await(() -> upAtA.contains(b.self()), "a sees b");

      // b's one-message lane may be taken by a start-up batch when a probe comes: probe until one
      // gets through (numbers below 100, rising, so the order check below still holds).
      for (int probe = 0; received.isEmpty(); probe++) {
        assertThat(probe).as("b's thread takes a probe and sticks").isLessThan(100);
        a.send(b.self(), number(probe));
        Thread.sleep(200);
      }
      for (int i = 100; i <= 300; i++) {
        a.send(b.self(), number(i));
        Thread.sleep(1); // separate batches
      }
      await(() -> b.droppedInbound() > 0, "b drops batches while one waits");
      release.countDown();
      // The one message the lane may hold can still be waiting: send rising numbers until one of
      // them gets through.
      for (int later = 1_000; received.stream().noneMatch(n -> n >= 1_000); later++) {
        assertThat(later).as("a later message still arrives").isLessThan(1_100);
        a.send(b.self(), number(later));
        Thread.sleep(200);
      }

      assertThat(received)
          .as("in order, with a gap")
          .isSorted()
          .doesNotHaveDuplicates()
          .hasSizeLessThan(303);
      assertThat(b.rejectedMessages()).as("a gap in batch numbers is not a replay").isZero();
    }
  }

  private static AtomixTransport transport(
      SeedMember self, List<SeedMember> seeds, ClusterSecret secret, long inboundQueueBytes) {
    return new AtomixTransport(
        AtomixTransportConfig.builder()
            .nodeName(self.name())
            .bind(self.host(), self.port())
            .seeds(seeds)
            .incarnation(1)
            .swimProfile(SwimProfile.FAST)
            .secret(secret)
            .plaintext()
            .inboundQueueBytes(inboundQueueBytes)
            .build());
  }

  private static byte[] number(int n) {
    return ByteBuffer.allocate(4).putInt(n).array();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
