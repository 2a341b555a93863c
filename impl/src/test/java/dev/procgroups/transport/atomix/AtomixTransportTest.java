package dev.procgroups.transport.atomix;

import static org.assertj.core.api.Assertions.assertThat;

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
  /** Probes as fast as FAST, but SWIM would remove a silent node only after 20 s. */
  private static final SwimProfile SLOW_REMOVAL = new SwimProfile(
      Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofSeconds(20));

  @Test
  void threeNodesSeeEachOtherAndExchangeMessagesFifoWithTheRightSender() throws Exception {
    try (LoopbackCluster cluster = new LoopbackCluster(3, SwimProfile.FAST)) {
      cluster.awaitAllUp(JOIN_TIMEOUT);

      // Sent in a burst right after discovery: the first messages travel while connections open.
      for (int seq = 0; seq < MESSAGES_PER_PAIR; seq++) {
        for (LoopbackNode sender : cluster.nodes) {
          for (LoopbackNode receiver : cluster.nodes) {
            if (sender != receiver) {
              sender.transport.send(receiver.transport.self(), ByteBuffer.allocate(4).putInt(seq).array());
            }
          }
        }
      }

      for (LoopbackNode receiver : cluster.nodes) {
        receiver.messages.awaitCount(2 * MESSAGES_PER_PAIR, JOIN_TIMEOUT);
        for (LoopbackNode sender : cluster.nodes) {
          if (sender != receiver) {
            List<Integer> sequence = receiver.messages.from(sender.transport.self()).stream()
                .map(received -> ByteBuffer.wrap(received.message()).getInt())
                .toList();
            assertThat(sequence).as("%s -> %s", sender.transport.self(), receiver.transport.self())
                .isEqualTo(IntStream.range(0, MESSAGES_PER_PAIR).boxed().toList());
          }
        }
        assertThat(receiver.messages.all())
            .as("handlers run on the transport's own thread, not Netty's")
            .allSatisfy(received -> assertThat(received.thread())
                .isEqualTo("procgroups-transport-" + receiver.transport.self().name()));
      }
    }
  }

  @Test
  void aClosedNodeIsReportedDownOnTheOthersWithinTheFastProfile() throws Exception {
    try (LoopbackCluster cluster = new LoopbackCluster(3, SwimProfile.FAST)) {
      cluster.awaitAllUp(JOIN_TIMEOUT);
      NodeId closed = cluster.id(2);

      long closedAt = System.nanoTime();
      cluster.node(2).close();

      for (int observer = 0; observer < 2; observer++) {
        PeerEventLog.Entry down =
            cluster.node(observer).peerEvents.awaitDown(closed, FAST_DETECTION_BOUND);
        System.out.printf("%s saw %s down %d ms after close returned%n", cluster.id(observer),
            closed, (down.nanos() - closedAt) / 1_000_000);
      }
    }
  }

  @Test
  void aRestartWithinTheFailureTimeoutIsReportedAsDownOldThenUpNew() throws Exception {
    try (LoopbackCluster cluster = new LoopbackCluster(3, SLOW_REMOVAL)) {
      cluster.awaitAllUp(JOIN_TIMEOUT);
      NodeId before = cluster.id(2);

      long closedAt = System.nanoTime();
      cluster.node(2).close();
      LoopbackNode restarted = cluster.restart(2, 2);
      NodeId after = restarted.transport.self();

      for (int observer = 0; observer < 2; observer++) {
        PeerEventLog log = cluster.node(observer).peerEvents;
        PeerEventLog.Entry up = log.awaitUp(after, JOIN_TIMEOUT);
        assertThat(Duration.ofNanos(up.nanos() - closedAt))
            .as("SWIM alone would report nothing before its failure timeout")
            .isLessThan(SLOW_REMOVAL.failureTimeout());
        List<PeerEvent> aboutRestarted = log.events().stream()
            .filter(event -> event.peer().name().equals(before.name()))
            .toList();
        assertThat(aboutRestarted).containsExactly(
            new PeerEvent.Up(before), new PeerEvent.Down(before), new PeerEvent.Up(after));
      }

      // The new start is reachable; messages addressed to the old one are dropped.
      LoopbackNode sender = cluster.node(0);
      sender.transport.send(before, new byte[] {1});
      sender.transport.send(after, new byte[] {2});
      restarted.messages.awaitCount(1, JOIN_TIMEOUT);
      assertThat(restarted.messages.all()).singleElement()
          .satisfies(received -> assertThat(received.message()).containsExactly(2));
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
      List<byte[]> received = cluster.node(1).messages.all().stream()
          .map(MessageLog.Received::message)
          .toList();
      for (int i = 0; i < sent.size(); i++) {
        assertThat(received.get(i)).isEqualTo(sent.get(i));
      }
    }
  }

  /**
   * Whether another socket can take {@code port} on 127.0.0.2 for TCP and UDP: true only if
   * nothing listens on that port on every interface (Linux routes all of 127/8 to loopback).
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
