package dev.procgroups.node;

import static dev.procgroups.node.NodeFixtures.await;
import static dev.procgroups.node.NodeFixtures.spawnMember;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.metrics.ProcgroupsMetrics;
import dev.procgroups.pg.PgInstance;
import dev.procgroups.process.Message;
import dev.procgroups.store.Subscription;
import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.atomix.AtomixTransport;
import dev.procgroups.transport.atomix.AtomixTransportConfig;
import dev.procgroups.transport.atomix.FreePorts;
import dev.procgroups.transport.atomix.SeedMember;
import dev.procgroups.transport.atomix.SwimProfile;
import dev.procgroups.transport.auth.ClusterSecret;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two real nodes: the meters of the first move as the second joins, fills a buffer and stops, and
 * as a bare transport with the cluster secret sends it garbage.
 */
@Timeout(60)
class NodeMetricsTest {

  @Test
  void metersFollowTrafficSlotsDropsAndFailureDetection() throws Exception {
    List<SeedMember> seeds =
        List.of(
            new SeedMember("n1", "127.0.0.1", FreePorts.next()),
            new SeedMember("n2", "127.0.0.1", FreePorts.next()));
    ClusterSecret secret = ClusterSecret.random();
    MeterRegistry registry = new SimpleMeterRegistry();
    try (Node observer = start(seeds.get(0), seeds, secret, registry);
        Node other = start(seeds.get(1), seeds, secret, null)) {
      assertThat(other.config().meters())
          .as("a node gets a registry of its own by default")
          .isNotNull()
          .isNotSameAs(registry);
      Subscription unread = observer.pg().store("app:pg").orElseThrow().events().subscription();

      spawnMember(other, "workers", new ArrayBlockingQueue<>(1));
      spawnMember(other, "idle", new ArrayBlockingQueue<>(1));
      await(
          () -> gauge(registry, ProcgroupsMetrics.SLOTS) == 2, "n1's slot gauge counts n2's slots");
      assertThat(gauge(registry, ProcgroupsMetrics.GROUPS)).isEqualTo(2);
      assertThat(count(registry, ProcgroupsMetrics.MESSAGES, "direction", "in")).isPositive();
      assertThat(count(registry, ProcgroupsMetrics.MESSAGES, "direction", "out")).isPositive();
      assertThat(count(registry, ProcgroupsMetrics.PEER_EVENTS, "event", "up")).isEqualTo(1);
      // monitor_buffer is 1: the second join event found the buffer full.
      assertThat(count(registry, ProcgroupsMetrics.EVENTS_DROPPED, "scope", "app:pg"))
          .isEqualTo(unread.dropped())
          .isPositive();
      assertThat(count(registry, ProcgroupsMetrics.REJECTED, "layer", "protocol")).isZero();
      assertThat(count(registry, ProcgroupsMetrics.REJECTED, "layer", "transport")).isZero();
      assertThat(meter(registry, ProcgroupsMetrics.INBOUND_QUEUE).gauge().value()).isNotNegative();

      other.close();
      await(
          () -> count(registry, ProcgroupsMetrics.PEER_EVENTS, "event", "down") == 1,
          "n1 counts n2's failure");
      await(() -> gauge(registry, ProcgroupsMetrics.SLOTS) == 0, "n2's slots leave the gauge");

      sendGarbage(seeds, secret, observer);
      await(
          () -> count(registry, ProcgroupsMetrics.REJECTED, "layer", "protocol") == 1,
          "a malformed message from an authenticated peer is counted");
      assertThat(gauge(registry, ProcgroupsMetrics.SLOTS)).as("and changes nothing").isZero();
    }
  }

  @Test
  void overloadDropsAtTheInboundQueueAndAtFullMailboxesAreMetered() throws Exception {
    List<SeedMember> seeds =
        List.of(
            new SeedMember("n1", "127.0.0.1", FreePorts.next()),
            new SeedMember("n2", "127.0.0.1", FreePorts.next()));
    ClusterSecret secret = ClusterSecret.random();
    MeterRegistry registry = new SimpleMeterRegistry();
    // n1's inbound lanes hold one waiting message each, its mailboxes five messages (or 1 MiB).
    NodeConfig.Builder small =
        config(seeds.get(0), seeds, secret)
            .meters(registry)
            .transportQueueBytes(1)
            .deliveryQueueBytes(1)
            .mailboxCapacity(5)
            .mailboxBytes(1 << 20);
    try (Node observer = Node.start(small.build());
        Node sender = Node.start(config(seeds.get(1), seeds, secret).build())) {
      assertThat(observer.processes().mailboxBytes()).isEqualTo(1 << 20);
      CountDownLatch stop = new CountDownLatch(1);
      observer
          .processes()
          .spawn(
              ctx -> { // a member that never reads
                ctx.listen("task");
                observer.pg().open(ctx.handle(), "app:pg").join("sink");
                stop.await();
              });
      await(() -> NodeFixtures.members(sender, "sink").size() == 1, "n2 sees the sink member");
      CountDownLatch sent = new CountDownLatch(1);
      sender
          .processes()
          .spawn(
              ctx -> {
                PgInstance g = sender.pg().open(ctx.handle(), "app:pg");
                for (long i = 0; i < 20_000; i++) {
                  g.broadcast("sink", "task", i);
                }
                sent.countDown();
              });
      assertThat(sent.await(60, TimeUnit.SECONDS)).as("n2 sent its broadcasts").isTrue();
      // Drops go on while n1 works through what arrived: compare once both counts agree.
      await(
          () ->
              count(registry, ProcgroupsMetrics.INBOUND_DROPPED, "kind", "delivery") > 0
                  && count(registry, ProcgroupsMetrics.MAILBOX_DROPPED, "node", "n1") > 0
                  && count(registry, ProcgroupsMetrics.MAILBOX_DROPPED, "node", "n1")
                      == observer.processes().droppedMessages()
                  && count(registry, ProcgroupsMetrics.INBOUND_DROPPED, "kind", "delivery")
                      == observer.cluster().droppedDeliveries(),
          "n1 drops broadcasts at its inbound queue and at the full mailbox, metered");
      assertThat(meter(registry, ProcgroupsMetrics.MAILBOX_LARGEST).gauge().value())
          .as("the member's mailbox is full")
          .isEqualTo(5);
      assertThat(meter(registry, ProcgroupsMetrics.MAILBOX_LARGEST_BYTES).gauge().value())
          .as("five remote payloads of one whole number (2 to 4 bytes encoded) and overhead")
          .isBetween(5.0 * (2 + Message.OVERHEAD_BYTES), 5.0 * (4 + Message.OVERHEAD_BYTES))
          .isEqualTo((double) observer.processes().largestMailboxBytes());
      assertThat(count(registry, ProcgroupsMetrics.INBOUND_DROPPED, "kind", "batch"))
          .isNotNegative();
      assertThat(
              meter(registry, ProcgroupsMetrics.INBOUND_BYTES)
                  .tag("lane", "replication")
                  .gauge()
                  .value())
          .isNotNegative();
      assertThat(
              meter(registry, ProcgroupsMetrics.INBOUND_BYTES)
                  .tag("lane", "transport")
                  .gauge()
                  .value())
          .isNotNegative();
      stop.countDown();
    }
  }

  /** A bare transport with the cluster's secret sends n1 bytes that decode to no message. */
  private static void sendGarbage(List<SeedMember> seeds, ClusterSecret secret, Node to)
      throws Exception {
    Set<NodeId> up = ConcurrentHashMap.newKeySet();
    try (AtomixTransport peer =
        new AtomixTransport(
            AtomixTransportConfig.builder()
                .nodeName("n3")
                .incarnation(1)
                .bind("127.0.0.1", FreePorts.next())
                .seeds(seeds)
                .swimProfile(SwimProfile.FAST)
                .secret(secret)
                .plaintext()
                .build())) {
      peer.onPeerEvent(event -> up.add(event.peer()));
      peer.start();
      await(() -> up.contains(to.id()), "the bare transport sees n1");
      peer.send(to.id(), new byte[] {(byte) 0xff, 1, 2, 3});
      await(() -> to.cluster().rejectedMessages() > 0, "n1 rejects the garbage");
    }
  }

  private static Node start(
      SeedMember self, List<SeedMember> seeds, ClusterSecret secret, MeterRegistry registry)
      throws Exception {
    NodeConfig.Builder config = config(self, seeds, secret);
    return Node.start((registry == null ? config : config.meters(registry)).build());
  }

  private static NodeConfig.Builder config(
      SeedMember self, List<SeedMember> seeds, ClusterSecret secret) {
    return NodeConfig.builder(self.name())
        .bind(self.host(), self.port())
        .seeds(seeds)
        .scope("app:pg", Map.of("monitor_buffer", 1L))
        .secret(secret)
        .plaintext();
  }

  private static RequiredSearch meter(MeterRegistry registry, String name) {
    return registry.get(name).tag("node", "n1");
  }

  private static double gauge(MeterRegistry registry, String name) {
    return meter(registry, name).tag("scope", "app:pg").gauge().value();
  }

  private static double count(MeterRegistry registry, String name, String key, String value) {
    RequiredSearch search = meter(registry, name).tag(key, value);
    return search.meters().stream()
        .mapToDouble(m -> m.measure().iterator().next().getValue())
        .sum();
  }
}
