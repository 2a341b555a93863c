package dev.procgroups.replication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.process.Pid;
import dev.procgroups.replication.Output.Apply;
import dev.procgroups.replication.Output.Send;
import dev.procgroups.replication.ProtocolMessage.Change;
import dev.procgroups.replication.ProtocolMessage.Deltas;
import dev.procgroups.replication.ProtocolMessage.Digest;
import dev.procgroups.replication.ProtocolMessage.Patch;
import dev.procgroups.replication.ProtocolMessage.ResyncRequest;
import dev.procgroups.replication.ProtocolMessage.Sync;
import dev.procgroups.replication.WireMessage.ForScope;
import dev.procgroups.store.StoreChange;
import dev.procgroups.store.StoreChange.Direction;
import dev.procgroups.testing.PlantedBugs;
import dev.procgroups.transport.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ReplicationCoreTest {
  private static final NodeId A = new NodeId("a", 1);
  private static final NodeId B = new NodeId("b", 1);
  private static final NodeId B2 = new NodeId("b", 2);
  private static final Pid PB = Pid.parse("{b@app:processes|1000000}");
  private static final Pid PA = Pid.parse("{a@app:processes|1000000}");
  private static final Pid PA2 = Pid.parse("{a@app:processes|1000001}");
  private static final Pid PB2 = Pid.parse("{b@app:processes|1000001}");
  private static final ReplicationSettings SETTINGS = new ReplicationSettings(100, 500, 100);

  private final ReplicationCore core = new ReplicationCore("s", A, SETTINGS);

  @Test
  void aPeerThatComesUpIsAskedForItsStateWithinADigestIntervalAndGetsOursWhenItAsks()
      throws Exception {
    core.localChange(new StoreChange.Delta("a", Direction.JOIN, Map.of("g", List.of(PA))));
    assertThat(upAndTurn(B, 0)).containsOnlyOnce(new Send(B, scoped(new ResyncRequest(1))));
    assertThat(core.receive(B, new ResyncRequest(1), 150))
        .containsExactly(new Send(B, scoped(new Sync(1, 1, Map.of("g", List.of(PA))))));
    assertThat(
            core.localChange(new StoreChange.Delta("a", Direction.LEAVE, Map.of("g", List.of(PA)))))
        .containsExactly(
            new Send(
                B,
                scoped(
                    new Deltas(
                        1, 2, List.of(new Change(Direction.LEAVE, Map.of("g", List.of(PA))))))));
  }

  @Test
  void deltasApplyInOrderDuplicatesAreIgnoredAndAGapAsksForAResync() throws Exception {
    core.peerUp(B, 0);
    assertThat(core.receive(B, new Sync(1, 0, Map.of()), 1))
        .containsExactly(new Apply(new StoreChange.Sync("b", Map.of())));
    assertThat(core.receive(B, join(1), 2))
        .containsExactly(
            new Apply(new StoreChange.Delta("b", Direction.JOIN, Map.of("g", List.of(PB)))));
    assertThat(core.receive(B, join(1), 3)).isEmpty();
    assertThat(core.receive(B, join(3), 200))
        .containsExactly(new Send(B, scoped(new ResyncRequest(1, 1, hashOf(PB)))));
  }

  @Test
  void aDigestThatDisagreesAsksForAResync() throws Exception {
    core.peerUp(B, 0);
    core.receive(B, new Sync(1, 0, Map.of()), 1);
    assertThat(core.receive(B, new Digest(1, 0, 0), 200)).isEmpty();
    assertThat(core.receive(B, new Digest(1, 1, 42), 300))
        .as("changes missed: what changed since the replica")
        .containsExactly(new Send(B, scoped(new ResyncRequest(1, 0, 0))));
    assertThat(core.receive(B, new Sync(1, 1, Map.of()), 310)).hasSize(1);
    assertThat(core.receive(B, new Digest(1, 1, 42), 420))
        .as("the same number with other slots: the replica is wrong, everything")
        .containsExactly(new Send(B, scoped(new ResyncRequest(1))));
  }

  @Test
  void aDownPeerIsDroppedAndItsLateMessagesIgnored() throws Exception {
    core.peerUp(B, 0);
    core.receive(B, new Sync(1, 0, Map.of("g", List.of(PB))), 1);
    assertThat(core.peerDown(B)).containsExactly(new Apply(new StoreChange.Drop("b")));
    assertThat(core.receive(B, join(1), 2)).isEmpty();
  }

  @Test
  void aNewIncarnationDropsTheOldOnesSlotsAndOldMessagesAreIgnored() throws Exception {
    core.peerUp(B, 0);
    core.receive(B, new Sync(1, 0, Map.of("g", List.of(PB))), 1);
    assertThat(core.peerUp(B2, 2)).startsWith(new Apply(new StoreChange.Drop("b")));
    assertThat(core.receive(B, join(1), 3)).isEmpty();
    assertThat(core.peerDown(B)).isEmpty();
  }

  @Test
  void aSilentPeerIsHiddenUntilItAnswersThenAskedForWhatChanged() throws Exception {
    core.peerUp(B, 0);
    core.receive(B, new Sync(1, 0, Map.of("g", List.of(PB))), 1);
    assertThat(core.tick(400)).containsExactly(new Send(B, scoped(new Digest(1, 0, 0))));
    assertThat(core.tick(600))
        .containsExactly(
            new Apply(new StoreChange.Drop("b")), new Send(B, scoped(new Digest(1, 0, 0))));
    assertThat(core.receive(B, new Digest(1, 0, hashOf(PB)), 700))
        .containsExactly(new Send(B, scoped(new ResyncRequest(1, 0, hashOf(PB)))));
    assertThat(core.receive(B, new Patch(1, 0, 0, hashOf(PB), Map.of(), Map.of()), 710))
        .as("nothing changed: the hidden replica comes back as it was")
        .containsExactly(new Apply(new StoreChange.Sync("b", Map.of("g", List.of(PB)))));
  }

  @Test
  void aPeerBackFromACutGetsOnlyWhatChangedSinceTheReplicaItsAskerHolds() throws Exception {
    core.localChange(new StoreChange.Delta("a", Direction.JOIN, Map.of("g", List.of(PA))));
    assertThat(core.receive(upAndAsked(B), new ResyncRequest(1, 0, 0), 200))
        .containsExactly(
            new Send(
                B, scoped(new Patch(1, 0, 1, hashOf(PA), Map.of(), Map.of("g", List.of(PA))))));
    core.localChange(new StoreChange.Delta("a", Direction.JOIN, Map.of("h", List.of(PA2))));
    core.localChange(new StoreChange.Delta("a", Direction.LEAVE, Map.of("g", List.of(PA))));
    core.localChange(new StoreChange.Delta("a", Direction.JOIN, Map.of("k", List.of(PA))));
    core.localChange(new StoreChange.Delta("a", Direction.LEAVE, Map.of("k", List.of(PA))));
    assertThat(core.receive(B, new ResyncRequest(1, 1, hashOf(PA)), 300))
        .as("the net effect of changes 2 to 5: a join and a leave of one slot cancel")
        .containsExactly(
            new Send(
                B,
                scoped(
                    new Patch(
                        1,
                        1,
                        5,
                        SlotHash.of("h", PA2),
                        Map.of("g", List.of(PA)),
                        Map.of("h", List.of(PA2))))));
  }

  @Test
  void aBaseTheLogNoLongerReachesOrThatWasNotOursGetsTheFullState() throws Exception {
    ReplicationCore small = new ReplicationCore("s", A, new ReplicationSettings(100, 500, 100, 1));
    small.localChange(new StoreChange.Delta("a", Direction.JOIN, Map.of("g", List.of(PA))));
    small.localChange(new StoreChange.Delta("a", Direction.JOIN, Map.of("h", List.of(PA2))));
    small.peerUp(B, 0);
    Map<String, List<Pid>> state = Map.of("g", List.of(PA), "h", List.of(PA2));
    assertThat(small.receive(B, new ResyncRequest(1, 0, 0), 1))
        .as("change 1 left the log")
        .containsExactly(new Send(B, scoped(new Sync(1, 2, state))));
    assertThat(small.receive(B, new ResyncRequest(1, 1, 42), 2))
        .as("the base hash is not what this node held at change 1")
        .containsExactly(new Send(B, scoped(new Sync(1, 2, state))));
    assertThat(small.receive(B, new ResyncRequest(1, 3, 0), 3))
        .as("a base ahead of this node's last change")
        .containsExactly(new Send(B, scoped(new Sync(1, 2, state))));
  }

  @Test
  void aDownPeersReplicaIsHiddenAndRevealedWithTheDifferenceWhenItComesBack() throws Exception {
    assertThat(syncedThenDown()).containsExactly(new Apply(new StoreChange.Drop("b")));
    assertThat(upAndTurn(B, 1000))
        .containsOnlyOnce(new Send(B, scoped(new ResyncRequest(1, 1, hashOf(PB)))));
    long after = hashOf(PB) + SlotHash.of("h", PB2);
    assertThat(
            core.receive(B, new Patch(1, 1, 2, after, Map.of(), Map.of("h", List.of(PB2))), 1200))
        .containsExactly(
            new Apply(new StoreChange.Sync("b", Map.of("g", List.of(PB), "h", List.of(PB2)))));
    assertThat(core.receive(B, join(3), 1201))
        .as("deltas apply on top of the revealed replica")
        .hasSize(1);
  }

  @Test
  void aPatchOnAnotherBaseIsIgnoredAndOneWithTheWrongResultAsksForEverything() throws Exception {
    syncedThenDown();
    upAndTurn(B, 1000);
    assertThat(core.receive(B, new Patch(1, 0, 2, 0, Map.of(), Map.of()), 1200)).isEmpty();
    assertThat(core.receive(B, new Patch(1, 1, 2, 42, Map.of(), Map.of("h", List.of(PB2))), 1201))
        .as("not the sender's state: nothing revealed, a full resync asked")
        .containsExactly(new Send(B, scoped(new ResyncRequest(1))));
  }

  @Test
  void aNewIncarnationForgetsTheHiddenReplica() throws Exception {
    syncedThenDown();
    assertThat(upAndTurn(B2, 1000)).containsOnlyOnce(new Send(B2, scoped(new ResyncRequest(1))));
  }

  @Test
  void theExchangesAfterManyPeersComeBackAtOnceSpreadOverTheirWindow() {
    Set<Long> turns = turnsAfterAMassHeal();
    assertThat(turns).allMatch(t -> t >= 1000 && t < 1050, "within half an interval (100 peers)");
    assertThat(turns).as("distinct turns of 100 peers").hasSizeGreaterThan(20);
    Set<Long> unstaggered =
        PlantedBugs.with(Set.of("NO_HEAL_STAGGER"), ReplicationCoreTest::turnsAfterAMassHeal);
    assertThat(unstaggered).as("the planted storm is caught").containsExactly(1000L);
  }

  @Test
  void underFiftyPeersTheExchangeStartsAtOnce() {
    assertThat(core.peerUp(B, 0)).containsExactly(new Send(B, scoped(new ResyncRequest(1))));
  }

  /**
   * A core that knows 100 peers sees them all go down and come back at 1000 ms: the times at which
   * it asks them for their differences.
   */
  private static Set<Long> turnsAfterAMassHeal() {
    ReplicationCore core = new ReplicationCore("s", A, SETTINGS);
    List<NodeId> peers = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      peers.add(new NodeId("p" + i, 1));
    }
    peers.forEach(p -> core.peerUp(p, 0));
    peers.forEach(core::peerDown);
    Set<Long> turns = new TreeSet<>();
    for (NodeId p : peers) {
      if (core.peerUp(p, 1000).stream().anyMatch(o -> asks(o, p))) {
        turns.add(1000L);
      }
    }
    for (long t = 1000; t < 1100; t++) {
      for (Output o : core.tick(t)) {
        if (peers.stream().anyMatch(p -> asks(o, p))) {
          turns.add(t);
        }
      }
    }
    return turns;
  }

  /** B up, synced at its change 1 (PB in g), then down: what going down output. */
  private List<Output> syncedThenDown() throws MalformedMessageException {
    core.peerUp(B, 0);
    core.receive(B, new Sync(1, 1, Map.of("g", List.of(PB))), 1);
    return core.peerDown(B);
  }

  /** Reports {@code peer} up at {@code now}; what that and the ticks of the next interval send. */
  private List<Output> upAndTurn(NodeId peer, long now) {
    List<Output> out = new ArrayList<>(core.peerUp(peer, now));
    for (long t = now; t <= now + SETTINGS.digestInterval(); t += 10) {
      out.addAll(core.tick(t));
    }
    return out;
  }

  /** {@code peer} up and past its turn (its request answered by the caller). */
  private NodeId upAndAsked(NodeId peer) {
    upAndTurn(peer, 0);
    return peer;
  }

  private static boolean asks(Output o, NodeId peer) {
    return o instanceof Send s
        && s.to().equals(peer)
        && ((ForScope) s.message()).message() instanceof ResyncRequest;
  }

  private static long hashOf(Pid pid) {
    return SlotHash.of("g", pid);
  }

  private static ForScope scoped(ProtocolMessage m) {
    return new ForScope("s", m);
  }

  private static Deltas join(long seq) {
    return new Deltas(1, seq, List.of(new Change(Direction.JOIN, Map.of("g", List.of(PB)))));
  }
}
