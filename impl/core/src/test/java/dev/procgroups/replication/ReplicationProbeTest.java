package dev.procgroups.replication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.process.Pid;
import dev.procgroups.replication.Output.Acked;
import dev.procgroups.replication.Output.Send;
import dev.procgroups.replication.ProtocolMessage.Probe;
import dev.procgroups.replication.ProtocolMessage.ProbeAck;
import dev.procgroups.replication.WireMessage.ForScope;
import dev.procgroups.store.StoreChange;
import dev.procgroups.store.StoreChange.Direction;
import dev.procgroups.transport.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Probes: how a node learns that its peers applied its changes (for waits on visibility). */
class ReplicationProbeTest {
  private static final NodeId A = new NodeId("a", 1);
  private static final NodeId B = new NodeId("b", 1);
  private static final NodeId C = new NodeId("c", 1);
  private static final Pid PA = Pid.parse("{a@app:processes|1000000}");
  private static final ReplicationSettings SETTINGS = new ReplicationSettings(100, 500, 100);

  private final ReplicationCore a = new ReplicationCore("s", A, SETTINGS);
  private final ReplicationCore b = new ReplicationCore("s", B, SETTINGS);

  @Test
  void aPeerAnswersWithTheLastChangeItAppliedAndTheAskerReportsIt() throws Exception {
    connect();
    List<Output> joined = a.localChange(join());
    assertThat(a.localSeq()).isEqualTo(1);
    deliverAll(joined, b, A);
    List<Output> probe = a.probe(7, List.of(B));
    assertThat(probe).containsExactly(new Send(B, new ForScope("s", new Probe(1, 7))));
    List<Output> answer = deliverAll(probe, b, A);
    assertThat(answer).containsExactly(new Send(A, new ForScope("s", new ProbeAck(1, 7, 1))));
    assertThat(deliverAll(answer, a, B)).containsExactly(new Acked(B, 7, 1));
  }

  @Test
  void aPeerThatMissedAChangeAnswersWithLessThanTheAskersLastChange() throws Exception {
    connect();
    a.localChange(join()); // lost on the way to b
    deliverAll(a.localChange(join()), b, A); // a gap: b stops applying until a resync
    List<Output> answer = deliverAll(a.probe(8, List.of(B)), b, A);
    assertThat(answer).contains(new Send(A, new ForScope("s", new ProbeAck(1, 8, 0))));
  }

  @Test
  void onlyPeersUpAreProbed() {
    connect();
    assertThat(a.peersUp()).containsExactly(B);
    assertThat(a.probe(9, List.of(B, C)))
        .containsExactly(new Send(B, new ForScope("s", new Probe(1, 9))));
  }

  @Test
  void theCodecCarriesBothMessages() throws Exception {
    for (ProtocolMessage m : List.of(new Probe(3, 5), new ProbeAck(3, 5, 42))) {
      ForScope wire = new ForScope("app:pg", m);
      assertThat(ProtocolCodec.decode(ProtocolCodec.encode(wire))).isEqualTo(wire);
    }
  }

  /**
   * a and b up for each other, each holding the other's (empty) full state: each asks the other
   * once its turn has come (within a digest interval) and applies the answer.
   */
  private void connect() {
    try {
      List<Output> toB = new ArrayList<>(a.peerUp(B, 0));
      List<Output> toA = new ArrayList<>(b.peerUp(A, 0));
      toB.addAll(a.tick(SETTINGS.digestInterval()));
      toA.addAll(b.tick(SETTINGS.digestInterval()));
      List<Output> answersToA = deliverAll(toB, b, A);
      List<Output> answersToB = deliverAll(toA, a, B);
      deliverAll(answersToA, a, B);
      deliverAll(answersToB, b, A);
    } catch (MalformedMessageException e) {
      throw new AssertionError(e);
    }
  }

  /** Feeds the sends of {@code outputs} to {@code to} as from {@code from}; its outputs. */
  private static List<Output> deliverAll(List<Output> outputs, ReplicationCore to, NodeId from)
      throws MalformedMessageException {
    List<Output> out = new ArrayList<>();
    for (Output o : outputs) {
      if (o instanceof Send s && s.to().name().equals(to.self().name())) {
        out.addAll(to.receive(from, ((ForScope) s.message()).message(), 1));
      }
    }
    return out;
  }

  private static StoreChange.Delta join() {
    return new StoreChange.Delta("a", Direction.JOIN, Map.of("g", List.of(PA)));
  }
}
