package dev.procgroups.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.process.Pid;
import dev.procgroups.registry.ScopeConfig;
import dev.procgroups.replication.ReplicationSettings;
import dev.procgroups.store.MembershipStore;
import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.sim.NetworkFaults;
import dev.procgroups.transport.sim.SimNetwork;
import dev.procgroups.transport.sim.SimulatedTransport;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** Two real cluster layers with real stores on the simulated network. */
class ClusterNodeTest {
  private static final String SCOPE = "app:s";
  private final SimNetwork network = new SimNetwork(7, NetworkFaults.none());
  private final List<String> delivered = new ArrayList<>();
  private final HeldExecutor aInbound = new HeldExecutor();

  /** a's inbound queue holds one waiting message at a time (more are dropped). */
  private final Node a = new Node(new NodeId("a", 1), aInbound, 1);

  private final Node b = new Node(new NodeId("b", 1), Runnable::run, 1 << 20);

  /** Runs tasks at once, or keeps them while held: a busy inbound thread. */
  private static final class HeldExecutor implements Executor {
    final Queue<Runnable> held = new ArrayDeque<>();
    boolean holding;

    @Override
    public void execute(Runnable task) {
      if (holding) {
        held.add(task);
      } else {
        task.run();
      }
    }

    void release() {
      holding = false;
      for (Runnable task = held.poll(); task != null; task = held.poll()) {
        task.run();
      }
    }
  }

  private final class Node {
    final MembershipStore store;
    final ClusterNode cluster;
    final SimulatedTransport transport;

    Node(NodeId id, Executor inbound, long inboundQueueBytes) {
      store = new MembershipStore(id.name(), ScopeConfig.DEFAULTS);
      transport = network.start(id);
      cluster =
          new ClusterNode(
              transport,
              (to, from, topic, payload, bytes) ->
                  delivered.add(from + ">" + to + " " + topic + "=" + payload),
              new ReplicationSettings(200, 1_000, 200),
              network::now,
              inbound,
              new InboundLanes(inboundQueueBytes, inboundQueueBytes));
      cluster.addScope(SCOPE, ReplicatedStore.of(store));
      network.every(id, 100, cluster::tick);
    }
  }

  @Test
  void joinsAndLeavesReachThePeer() throws Exception {
    Pid p = new Pid("a", "app:processes", 1 << 24);
    a.store.join(p, List.of("g", "g"), () -> true);
    network.runFor(1_000);
    assertThat(b.store.members("g")).containsExactly(p, p);
    a.store.removeProcess(p);
    network.runFor(100);
    assertThat(b.store.members("g")).isEmpty();
  }

  @Test
  void changesCommittedWhileInboundIsBusyTravelTogetherInOrder() throws Exception {
    network.runFor(1_000);
    Pid p = new Pid("a", "app:processes", 1 << 24);
    Pid q = new Pid("a", "app:processes", (1 << 24) + 1);
    aInbound.holding = true;
    a.store.join(p, List.of("g"), () -> true);
    a.store.join(q, List.of("g", "h"), () -> true);
    a.store.join(p, List.of("g"), () -> true);
    a.store.leave(q, List.of("g"));
    assertThat(aInbound.held).as("one flush for the whole burst").hasSize(1);
    network.runFor(100);
    assertThat(b.store.members("g")).isEmpty();
    aInbound.release();
    network.runFor(100);
    assertThat(b.store.members("g")).containsExactly(p, p);
    assertThat(b.store.members("h")).containsExactly(q);
    a.store.removeProcess(q);
    network.runFor(1_000); // later changes follow the batch
    assertThat(b.store.members("h")).isEmpty();
    assertThat(a.cluster.rejectedMessages()).isZero();
  }

  @Test
  void remoteBroadcastsAndSendsAreDeliveredInOrder() {
    network.runFor(1_000);
    Pid from = new Pid("a", "app:processes", 1 << 24);
    Pid to = new Pid("b", "app:processes", 1 << 24);
    a.cluster.send("b", from, "t", 1L, List.of(to, to));
    assertThat(a.cluster.route(to, from, "t", 2L)).isTrue();
    network.runFor(100);
    assertThat(delivered)
        .containsExactly(
            from + ">" + to + " t=1", from + ">" + to + " t=1", from + ">" + to + " t=2");
  }

  @Test
  void aDeltaDroppedAtAFullInboundQueueIsRepairedByAResync() throws Exception {
    network.runFor(1_000);
    Pid p = new Pid("b", "app:processes", 1 << 24);
    Pid q = new Pid("a", "app:processes", 1 << 24);
    aInbound.holding = true;
    b.store.join(p, List.of("g"), () -> true); // waits in a's queue
    network.runFor(50);
    b.store.join(p, List.of("h"), () -> true); // finds it full: dropped
    network.runFor(50);
    a.store.join(q, List.of("k"), () -> true); // a's own flush is not a message: never dropped
    assertThat(a.cluster.droppedProtocolMessages()).isPositive();
    long resyncsBefore = a.cluster.resyncRequests();
    aInbound.release();
    assertThat(a.store.members("g")).containsExactly(p);
    assertThat(a.store.members("h")).as("the dropped delta").isEmpty();
    network.runFor(1_000); // b's next digest shows the gap: a asks for b's full state
    assertThat(a.cluster.resyncRequests()).isGreaterThan(resyncsBefore);
    assertThat(a.store.members("h")).containsExactly(p);
    assertThat(b.store.members("k")).containsExactly(q);
    assertThat(a.cluster.rejectedMessages()).isZero();
  }

  @Test
  void deliveriesDroppedAtAFullInboundQueueAreCountedAndLaterOnesStillArrive() {
    network.runFor(1_000);
    Pid from = new Pid("b", "app:processes", 1 << 24);
    Pid to = new Pid("a", "app:processes", 1 << 24);
    aInbound.holding = true;
    for (long i = 1; i <= 3; i++) {
      b.cluster.send("a", from, "t", i, List.of(to));
      network.runFor(20);
    }
    assertThat(a.cluster.droppedDeliveries()).isEqualTo(2);
    aInbound.release();
    b.cluster.send("a", from, "t", 4L, List.of(to));
    network.runFor(100);
    assertThat(delivered)
        .as("the gap in the link's numbering stalls nothing")
        .containsExactly(from + ">" + to + " t=1", from + ">" + to + " t=4");
  }

  @Test
  void malformedMessagesAreCountedAndChangeNothing() throws Exception {
    network.runFor(1_000);
    Pid p = new Pid("a", "app:processes", 1 << 24);
    a.store.join(p, List.of("g"), () -> true);
    network.runFor(100);
    b.transport.send(a.transport.self(), new byte[] {1, 2, 3});
    network.runFor(100);
    assertThat(a.cluster.rejectedMessages()).isEqualTo(1);
    assertThat(b.store.members("g")).containsExactly(p);
  }

  @Test
  void aPartitionDropsTheOtherSideAndHealingBringsItBack() throws Exception {
    Pid p = new Pid("a", "app:processes", 1 << 24);
    a.store.join(p, List.of("g"), () -> true);
    network.runFor(1_000);
    network.partition(List.of(List.of("a"), List.of("b")));
    network.runFor(1_000);
    assertThat(b.store.members("g")).isEmpty();
    network.heal();
    network.runFor(1_000);
    assertThat(b.store.members("g")).containsExactly(p);
  }
}
