package dev.procgroups.transport.atomix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real Atomix nodes on 127.0.0.1, each on its own free port. */
@Timeout(60)
class AtomixTransportTest {

  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(15);
  private static final int MESSAGES_PER_PAIR = 500;

  /** FAST detects in about 1.3 s; the rest is slack for a loaded 2-core machine. */
  private static final Duration FAST_DETECTION_BOUND = Duration.ofSeconds(4);

  /** A farewell travels in milliseconds; SWIM's DEFAULT profile would take about 10 s. */
  private static final Duration FAREWELL_BOUND = Duration.ofSeconds(2);

  /** Probes as fast as FAST, but SWIM would remove a silent node only after 20 s. */
  private static final SwimProfile SLOW_REMOVAL =
      new SwimProfile(Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofSeconds(20));

  @Test
  void threeNodesSeeEachOtherAndExchangeMessagesFifoWithTheRightSender() throws Exception {
    try (LoopbackCluster cluster = new LoopbackCluster(3, SwimProfile.FAST)) {
      cluster.awaitAllUp(JOIN_TIMEOUT);

      // Sent in a burst right after discovery: the first messages travel while connections open.
      for (int seq = 0; seq < MESSAGES_PER_PAIR; seq++) {
        for (LoopbackNode sender : cluster.nodes) {
          for (LoopbackNode receiver : cluster.nodes) {
            if (sender != receiver) {
              sender.transport.send(
                  receiver.transport.self(), ByteBuffer.allocate(4).putInt(seq).array());
            }
          }
        }
      }

      for (LoopbackNode receiver : cluster.nodes) {
        receiver.messages.awaitCount(2 * MESSAGES_PER_PAIR, JOIN_TIMEOUT);
        for (LoopbackNode sender : cluster.nodes) {
          if (sender != receiver) {
            List<Integer> sequence =
                receiver.messages.from(sender.transport.self()).stream()
                    .map(received -> ByteBuffer.wrap(received.message()).getInt())
                    .toList();
            assertThat(sequence)
                .as("%s -> %s", sender.transport.self(), receiver.transport.self())
                .isEqualTo(IntStream.range(0, MESSAGES_PER_PAIR).boxed().toList());
          }
        }
        assertThat(receiver.messages.all())
            .as("handlers run on the transport's own thread, not Netty's")
            .allSatisfy(
                received ->
                    assertThat(received.thread())
                        .isEqualTo("procgroups-transport-" + receiver.transport.self().name()));
      }
    }
  }

  @Test
  void aKilledNodeIsReportedDownOnTheOthersWithinTheFastProfile() throws Exception {
    try (LoopbackCluster cluster = new LoopbackCluster(3, 2, SwimProfile.FAST);
        ChildNode child = cluster.startChild(2, 1)) {
      NodeId killed = new NodeId("n3", 1);
      cluster.awaitAllUp(JOIN_TIMEOUT);
      cluster.awaitUpEverywhere(killed, JOIN_TIMEOUT);

      long killedAt = System.nanoTime();
      child.kill();

      for (int observer = 0; observer < 2; observer++) {
        PeerEventLog.Entry down =
            cluster.node(observer).peerEvents.awaitDown(killed, FAST_DETECTION_BOUND);
        System.out.printf(
            "%s saw %s down %d ms after kill -9%n",
            cluster.id(observer), killed, (down.nanos() - killedAt) / 1_000_000);
      }
    }
  }

  @Test
  void aNodeKilledAndRestartedWithinTheFailureTimeoutIsDownOldThenUpNew() throws Exception {
    try (LoopbackCluster cluster = new LoopbackCluster(3, 2, SLOW_REMOVAL)) {
      NodeId before = new NodeId("n3", 1);
      NodeId after = new NodeId("n3", 2);
      long killedAt;
      try (ChildNode first = cluster.startChild(2, 1)) {
        cluster.awaitUpEverywhere(before, JOIN_TIMEOUT);
        killedAt = System.nanoTime();
        first.kill();
      }
      try (ChildNode second = cluster.startChild(2, 2)) {
        for (int observer = 0; observer < 2; observer++) {
          PeerEventLog log = cluster.node(observer).peerEvents;
          PeerEventLog.Entry up = log.awaitUp(after, JOIN_TIMEOUT);
          assertThat(Duration.ofNanos(up.nanos() - killedAt))
              .as("SWIM alone would report nothing before its failure timeout")
              .isLessThan(SLOW_REMOVAL.failureTimeout());
          assertThat(eventsAbout("n3", log))
              .containsExactly(
                  new PeerEvent.Up(before), new PeerEvent.Down(before), new PeerEvent.Up(after));
        }
      }
    }
  }

  @Test
  void aClosingNodeSaysFarewellSoItIsDownAtOnceAndItsRestartIsReachable() throws Exception {
    // With SWIM's default profile a silent node would be reported down only after about 10 s.
    try (LoopbackCluster cluster = new LoopbackCluster(3, SwimProfile.DEFAULT)) {
      cluster.awaitAllUp(JOIN_TIMEOUT);
      NodeId before = cluster.id(2);
      cluster.node(0).transport.send(before, new byte[] {0}); // queued ahead of the farewell

      long closedAt = System.nanoTime();
      cluster.node(2).close();
      for (int observer = 0; observer < 2; observer++) {
        PeerEventLog.Entry down =
            cluster.node(observer).peerEvents.awaitDown(before, FAREWELL_BOUND);
        System.out.printf(
            "%s saw %s down %d ms after close began%n",
            cluster.id(observer), before, (down.nanos() - closedAt) / 1_000_000);
      }

      LoopbackNode restarted = cluster.restart(2, 2);
      NodeId after = restarted.transport.self();
      cluster.node(0).peerEvents.awaitUp(after, JOIN_TIMEOUT);
      assertThat(eventsAbout("n3", cluster.node(0).peerEvents))
          .containsExactly(
              new PeerEvent.Up(before), new PeerEvent.Down(before), new PeerEvent.Up(after));

      // The new start is reachable; messages addressed to the old one are dropped.
      cluster.node(0).transport.send(before, new byte[] {1});
      cluster.node(0).transport.send(after, new byte[] {2});
      restarted.messages.awaitCount(1, JOIN_TIMEOUT);
      assertThat(restarted.messages.all())
          .singleElement()
          .satisfies(received -> assertThat(received.message()).containsExactly(2));
    }
  }

  private static List<PeerEvent> eventsAbout(String name, PeerEventLog log) {
    return log.events().stream().filter(event -> event.peer().name().equals(name)).toList();
  }

  @Test
  void aNodeSeededWithOneMemberFindsTheOthersThroughAuthenticatedAddresses() throws Exception {
    try (LoopbackCluster cluster = new LoopbackCluster(2, SwimProfile.FAST);
        LoopbackNode late =
            LoopbackNode.start(
                "late",
                FreePorts.next(),
                1,
                cluster.seeds.subList(0, 1),
                SwimProfile.FAST,
                cluster.secret())) {
      cluster.awaitAllUp(JOIN_TIMEOUT);
      late.peerEvents.awaitUp(cluster.id(1), JOIN_TIMEOUT);
      cluster.node(1).peerEvents.awaitUp(late.transport.self(), JOIN_TIMEOUT);
    }
  }

  @Test
  void listensOnlyOnTheConfiguredAddress() throws Exception {
    int port = FreePorts.next();
    try (LoopbackNode node = LoopbackNode.start("solo", port, 1, List.of(), SwimProfile.FAST)) {
      try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
        assertThat(client.isConnected()).isTrue();
      }
      assertThat(portFreeOnOtherLoopbackAddress(port))
          .as("TCP and UDP port %d still free on 127.0.0.2", port)
          .isTrue();
    }
  }

  @Test
  void aTakenPortFailsTheStartWithTheAddressInTheMessage() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> LoopbackNode.start("n1", port, 1, List.of(), SwimProfile.FAST))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("127.0.0.1:" + port);
    }
  }

  @Test
  void theBindProbeDetectsAWildcardListener() throws Exception {
    try (ServerSocket wildcard = new ServerSocket()) {
      wildcard.bind(new InetSocketAddress(0)); // every interface, as Atomix does by default
      assertThat(portFreeOnOtherLoopbackAddress(wildcard.getLocalPort())).isFalse();
    }
  }

  @Test
  void arbitraryBytesArriveUnchanged() throws Exception {
    try (LoopbackCluster cluster = new LoopbackCluster(2, SwimProfile.FAST)) {
      cluster.awaitAllUp(JOIN_TIMEOUT);
      byte[] everyByte = new byte[256];
      for (int i = 0; i < everyByte.length; i++) {
        everyByte[i] = (byte) i;
      }
      byte[] large = new byte[3 << 20]; // larger than one batch
      large[large.length - 1] = 7;
      List<byte[]> sent = List.of(new byte[0], everyByte, large);
      sent.forEach(message -> cluster.node(0).transport.send(cluster.id(1), message));

      cluster.node(1).messages.awaitCount(sent.size(), JOIN_TIMEOUT);
      List<byte[]> received =
          cluster.node(1).messages.all().stream().map(MessageLog.Received::message).toList();
      for (int i = 0; i < sent.size(); i++) {
        assertThat(received.get(i)).isEqualTo(sent.get(i));
      }
    }
  }

  /**
   * Whether another socket can take {@code port} on 127.0.0.2 for TCP and UDP: true only if nothing
   * listens on that port on every interface (Linux routes all of 127/8 to loopback).
   */
  private static boolean portFreeOnOtherLoopbackAddress(int port) {
    InetSocketAddress other = new InetSocketAddress("127.0.0.2", port);
    try (ServerSocket tcp = new ServerSocket();
        DatagramSocket udp = new DatagramSocket(null)) {
      tcp.bind(other);
      udp.bind(other);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
