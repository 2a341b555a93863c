package dev.procgroups.bench;

import dev.procgroups.pg.PgException;
import dev.procgroups.pg.PgInstance;
import dev.procgroups.process.Pid;
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
 * {@code get_members} on a group of {@code groupSize} slots. {@code packed}: no slot has left, so
 * the result is a view of the published array (no copy). {@code holes}: one slot in eight has left
 * (not yet compacted), so the live slots are filtered into a new array. {@code ...AndRead} also
 * touches every member, as a caller converting the list (e.g. to a Lua table) would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class GetMembersBenchmark {

  @Param({"1", "1000", "100000", "1000000"})
  public int groupSize;

  @Param({"packed", "holes"})
  public String layout;

  private PgInstance instance;

  @Setup(Level.Trial)
  public void fill() {
    BenchNode node = new BenchNode();
    node.fill("g", groupSize);
    if (layout.equals("holes")) {
      node.fill("g", groupSize / 8 + 1);
      node.punchHoles("g", groupSize, 8);
    }
    instance = node.open();
  }

  @Benchmark
  public List<Pid> getMembers() throws PgException {
    return instance.getMembers("g");
  }

  @Benchmark
  public void getMembersAndRead(Blackhole hole) throws PgException {
    for (Pid pid : instance.getMembers("g")) {
      hole.consume(pid);
    }
  }
}
