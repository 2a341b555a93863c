package dev.procgroups.bench;

import dev.procgroups.api.GroupName;
import dev.procgroups.api.Member;
import dev.procgroups.api.Payload;
import dev.procgroups.api.ProcessGroups;
import dev.procgroups.node.LocalCluster;
import dev.procgroups.pg.PgException;
import dev.procgroups.pg.PgInstance;
import dev.procgroups.process.RunningProcess;
import dev.procgroups.security.SecurityPolicy;
import java.util.Map;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * The Java API ({@code dev.procgroups.api}) against the Lua-shaped one ({@code PgInstance}) on the
 * same real node (a one-node cluster on loopback): a join then a leave of one group, and a
 * broadcast of one number to a group of one local member (a Java {@link Member} that drops it).
 * What the Java API adds per call: the typed arguments and the exception translation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--enable-native-access=ALL-UNNAMED"
    })
public class JavaApiBenchmark {

  private static final GroupName JOINED = GroupName.of("joined");
  private static final GroupName TARGET = GroupName.of("target");

  private LocalCluster cluster;
  private ProcessGroups groups;
  private Member member;
  private Member target;
  private RunningProcess luaShapedProcess;
  private PgInstance luaShaped;

  @Setup(Level.Trial)
  public void start() throws Exception {
    cluster = new LocalCluster(1, Map.of("app:pg", Map.of()), SecurityPolicy.allowAll());
    groups = ProcessGroups.open(cluster.node(1), "app:pg");
    member = groups.register(d -> {});
    target = groups.register(d -> {});
    target.join(TARGET);
    luaShapedProcess =
        cluster
            .node(1)
            .processes()
            .spawn(
                ctx -> {
                  while (ctx.inbox().receive().ok()) {
                    // drops what it gets
                  }
                });
    luaShaped = cluster.node(1).pg().open(luaShapedProcess, "app:pg");
  }

  @TearDown(Level.Trial)
  public void stop() {
    member.close();
    target.close();
    groups.close();
    cluster.close();
  }

  @Benchmark
  public void joinLeaveJava() {
    member.join(JOINED);
    member.leave(JOINED);
  }

  @Benchmark
  public void joinLeaveLuaShaped() throws PgException {
    luaShaped.join("joined");
    luaShaped.leave("joined");
  }

  @Benchmark
  public void broadcastJava() {
    groups.broadcast(TARGET, "t", Payload.of(1L));
  }

  @Benchmark
  public void broadcastLuaShaped() throws PgException {
    luaShaped.broadcast("target", "t", 1L);
  }
}
