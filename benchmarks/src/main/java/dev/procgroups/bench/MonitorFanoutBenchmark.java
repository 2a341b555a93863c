package dev.procgroups.bench;

import dev.procgroups.pg.PgException;
import dev.procgroups.pg.PgInstance;
import dev.procgroups.process.Channel;
import dev.procgroups.store.GroupEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code subscribers} monitors on one group; one op = a {@code join} whose member.joined event
 * reaches every subscription's channel and is received there, then the matching {@code leave} and
 * its member.left event, received likewise (2 events x subscribers receives per op).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class MonitorFanoutBenchmark {

  @Param({"1000"})
  public int subscribers;

  private PgInstance actor;
  private final List<Channel<GroupEvent>> channels = new ArrayList<>();

  @Setup(Level.Trial)
  public void subscribe() throws PgException {
    BenchNode node = new BenchNode();
    for (int i = 0; i < subscribers; i++) {
      channels.add(node.open().monitor("g").subscription().channel());
    }
    actor = node.open();
  }

  @Benchmark
  public void joinLeaveReceivedByAll(Blackhole hole) throws PgException {
    actor.join("g");
    receiveAll(hole);
    actor.leave("g");
    receiveAll(hole);
  }

  private void receiveAll(Blackhole hole) {
    for (Channel<GroupEvent> channel : channels) {
      hole.consume(channel.poll().orElseThrow().value());
    }
  }
}
