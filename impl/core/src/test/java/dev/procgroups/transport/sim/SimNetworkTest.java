package dev.procgroups.transport.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimNetworkTest {
  private static final NodeId A = new NodeId("a", 1);
  private static final NodeId B = new NodeId("b", 1);

  /** What node a hears (events and messages, with their virtual time) in one seeded run. */
  private static List<String> run(long seed) {
    SimNetwork net = new SimNetwork(seed, new NetworkFaults(1, 50, 0.2, 0.2, true, 30));
    List<String> heard = new ArrayList<>();
    SimulatedTransport a = net.start(A);
    SimulatedTransport b = net.start(B);
    a.onMessage((from, m) -> heard.add(net.now() + " " + from + " " + m[0]));
    a.onPeerEvent(e -> heard.add(net.now() + " " + e));
    for (int i = 0; i < 50; i++) {
      b.send(A, new byte[] {(byte) i});
    }
    net.runFor(1_000);
    return heard;
  }

  @Test
  void aSeedReplaysExactly() {
    assertThat(run(42)).isEqualTo(run(42)).isNotEqualTo(run(43));
  }

  @Test
  void withoutReorderEachLinkStaysFifo() {
    SimNetwork net = new SimNetwork(1, new NetworkFaults(1, 100, 0, 0, false, 30));
    List<Integer> got = new ArrayList<>();
    SimulatedTransport a = net.start(A);
    SimulatedTransport b = net.start(B);
    a.onMessage((from, m) -> got.add((int) m[0]));
    for (int i = 0; i < 100; i++) {
      b.send(A, new byte[] {(byte) i});
    }
    net.runFor(10_000);
    assertThat(got).hasSize(100).isSorted();
  }

  @Test
  void partitionsAreReportedCutsAreNotAndARestartIsANewIncarnation() {
    SimNetwork net = new SimNetwork(1, NetworkFaults.none());
    List<PeerEvent> events = new ArrayList<>();
    net.start(A).onPeerEvent(events::add);
    net.start(B);
    net.runFor(100);
    net.cut("a", "b");
    net.cut("b", "a");
    net.runFor(100);
    assertThat(events).containsExactly(new PeerEvent.Up(B));
    net.heal();
    net.partition(List.of(List.of("a"), List.of("b")));
    net.runFor(100);
    net.heal();
    net.crash("b");
    NodeId b2 = new NodeId("b", 2);
    net.start(b2);
    net.runFor(100);
    assertThat(events)
        .containsExactly(new PeerEvent.Up(B), new PeerEvent.Down(B), new PeerEvent.Up(b2));
  }
}
