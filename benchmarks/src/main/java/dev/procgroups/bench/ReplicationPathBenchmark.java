package dev.procgroups.bench;

import dev.procgroups.process.Pid;
import dev.procgroups.registry.ScopeConfig;
import dev.procgroups.replication.MalformedMessageException;
import dev.procgroups.replication.Output;
import dev.procgroups.replication.ProtocolCodec;
import dev.procgroups.replication.ReplicationCore;
import dev.procgroups.replication.ReplicationSettings;
import dev.procgroups.replication.WireMessage;
import dev.procgroups.store.MembershipStore;
import dev.procgroups.store.StoreChange;
import dev.procgroups.transport.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One join and one leave replicated from node a to node b without sockets or threads: a's store
 * writes and hands its delta to a's replication core, which encodes it for b; b decodes it, b's
 * core accepts it and b's store applies it. The hot path of a join, from the store to the wire and
 * into the peer's store, on one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class ReplicationPathBenchmark {
  private static final NodeId A = new NodeId("a", 1);
  private static final NodeId B = new NodeId("b", 1);
  private static final List<String> GROUP = List.of("g");

  private final Pid member = new Pid("a", "app:processes", 1 << 24);
  private final MembershipStore storeA = new MembershipStore("a", ScopeConfig.DEFAULTS);
  private final MembershipStore storeB = new MembershipStore("b", ScopeConfig.DEFAULTS);
  private ReplicationCore coreA;
  private ReplicationCore coreB;
  private long now;

  @Setup(Level.Trial)
  public void connect() throws MalformedMessageException {
    coreA = new ReplicationCore("app:pg", A, ReplicationSettings.defaults());
    coreB = new ReplicationCore("app:pg", B, ReplicationSettings.defaults());
    coreB.peerUp(A, 0);
    toB(coreA.peerUp(B, 0)); // the initial full sync
    storeA.setChangeListener(
        delta -> {
          try {
            toB(coreA.localChange(delta));
          } catch (MalformedMessageException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @Benchmark
  public int joinLeaveReplicated() throws Exception {
    storeA.join(member, GROUP, () -> true);
    int seen = storeB.members("g").size();
    storeA.leave(member, GROUP);
    return seen;
  }

  /** Carries a's sends to b as bytes and applies what b's core says to b's store. */
  private void toB(List<Output> outputs) throws MalformedMessageException {
    for (Output o : outputs) {
      if (o instanceof Output.Send send) {
        WireMessage wire = ProtocolCodec.decode(ProtocolCodec.encode(send.message()));
        List<StoreChange> changes = new ArrayList<>();
        for (Output step : coreB.receive(A, ((WireMessage.ForScope) wire).message(), ++now)) {
          if (step instanceof Output.Apply apply) {
            changes.add(apply.change());
          }
        }
        storeB.apply(changes);
      }
    }
  }
}
