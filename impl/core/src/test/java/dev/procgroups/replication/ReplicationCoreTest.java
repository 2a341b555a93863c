package dev.procgroups.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procgroups.process.Pid;
import dev.procgroups.replication.Output.Apply;
import dev.procgroups.replication.Output.Send;
import dev.procgroups.replication.ProtocolMessage.Change;
import dev.procgroups.replication.ProtocolMessage.Deltas;
import dev.procgroups.replication.ProtocolMessage.Digest;
import dev.procgroups.replication.ProtocolMessage.ResyncRequest;
import dev.procgroups.replication.ProtocolMessage.Sync;
import dev.procgroups.replication.WireMessage.ForScope;
import dev.procgroups.store.StoreChange;
import dev.procgroups.store.StoreChange.Direction;
import dev.procgroups.transport.NodeId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicationCoreTest {
  private static final NodeId A = new NodeId("a", 1);
  private static final NodeId B = new NodeId("b", 1);
  private static final NodeId B2 = new NodeId("b", 2);
  private static final Pid PB = Pid.parse("{b@app:processes|1000000}");
  private static final Pid PA = Pid.parse("{a@app:processes|1000000}");
  private static final ReplicationSettings SETTINGS = new ReplicationSettings(100, 500, 100);

  private final ReplicationCore core = new ReplicationCore("s", A, SETTINGS);

  @Test
  void aPeerThatComesUpGetsOurFullStateAndLocalChangesFollowAsDeltas() {
    core.localChange(new StoreChange.Delta("a", Direction.JOIN, Map.of("g", List.of(PA))));
    assertThat(core.peerUp(B, 0))
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
        .containsExactly(new Send(B, scoped(new ResyncRequest(1))));
  }

  @Test
  void aDigestThatDisagreesAsksForAResync() throws Exception {
    core.peerUp(B, 0);
    core.receive(B, new Sync(1, 0, Map.of()), 1);
    assertThat(core.receive(B, new Digest(1, 0, 0), 200)).isEmpty();
    assertThat(core.receive(B, new Digest(1, 1, 42), 300))
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
  void aSilentPeerIsDroppedUntilItAnswers() throws Exception {
    core.peerUp(B, 0);
    core.receive(B, new Sync(1, 0, Map.of("g", List.of(PB))), 1);
    assertThat(core.tick(400)).containsExactly(new Send(B, scoped(new Digest(1, 0, 0))));
    assertThat(core.tick(600))
        .containsExactly(
            new Apply(new StoreChange.Drop("b")), new Send(B, scoped(new Digest(1, 0, 0))));
    assertThat(core.receive(B, new Digest(1, 0, 0), 700))
        .containsExactly(
            new Send(B, scoped(new Sync(1, 0, Map.of()))),
            new Send(B, scoped(new ResyncRequest(1))));
  }

  @Test
  void slotsOfAnotherNodeAreRejectedWithoutTouchingState() {
    core.peerUp(B, 0);
    String before = core.fingerprint();
    assertThatThrownBy(() -> core.receive(B, new Sync(1, 0, Map.of("g", List.of(PA))), 1))
        .isInstanceOf(MalformedMessageException.class);
    assertThatThrownBy(() -> core.receive(A, new Sync(1, 0, Map.of("g", List.of(PA))), 1))
        .isInstanceOf(MalformedMessageException.class);
    assertThat(core.fingerprint()).isEqualTo(before);
  }

  private static ForScope scoped(ProtocolMessage m) {
    return new ForScope("s", m);
  }

  private static Deltas join(long seq) {
    return new Deltas(1, seq, List.of(new Change(Direction.JOIN, Map.of("g", List.of(PB)))));
  }
}
