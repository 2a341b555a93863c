package dev.procgroups.bench;

import dev.procgroups.pg.PgException;
import dev.procgroups.pg.PgInstance;
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

/**
 * One {@code join} plus one {@code leave} through the pg API, in a group that already holds {@code
 * groupSize} slots of other processes. The cost must not grow with the group (Erlang pg rewrites
 * the whole member list on every join).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class JoinLeaveBenchmark {

  @Param({"1", "1000", "1000000"})
  public int groupSize;

  private PgInstance instance;

  @Setup(Level.Trial)
  public void fill() {
    BenchNode node = new BenchNode();
    node.fill("g", groupSize);
    instance = node.open();
  }

  @Benchmark
  public void joinThenLeave() throws PgException {
    instance.join("g");
    instance.leave("g");
  }
}
