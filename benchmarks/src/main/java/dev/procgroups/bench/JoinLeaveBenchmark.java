package dev.procgroups.bench;

import dev.procgroups.process.Pid;
import dev.procgroups.registry.ScopeConfig;
import dev.procgroups.store.MembershipStore;
import dev.procgroups.store.StoreLimitException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One join plus one leave of a process in a group that already holds {@code groupSize} slots of
 * other processes: the cost must not grow with the group (Erlang pg rewrites the member list).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JoinLeaveBenchmark {

  @Param({"1", "1000000"})
  public int groupSize;

  private MembershipStore store;
  private final Pid joiner = new Pid("n1", "app:processes", 0xffffff);
  private final List<String> group = List.of("g");

  @Setup(Level.Trial)
  public void fill() throws StoreLimitException {
    store = new MembershipStore("n1", ScopeConfig.DEFAULTS);
    for (int i = 0; i < groupSize; i++) {
      store.join(new Pid("n1", "app:processes", i), group, () -> true);
    }
  }

  @Benchmark
  public Object joinThenLeave() throws StoreLimitException {
    store.join(joiner, group, () -> true);
    return store.leave(joiner, group);
  }
}
