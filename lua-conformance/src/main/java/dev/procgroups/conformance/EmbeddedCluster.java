package dev.procgroups.conformance;

import dev.procgroups.lua.LuaNode;
import dev.procgroups.lua.ScriptLibrary;
import dev.procgroups.node.LocalCluster;
import dev.procgroups.node.Node;
import dev.procgroups.pg.PgInstance;
import dev.procgroups.process.Pid;
import dev.procgroups.process.RunningProcess;
import dev.procgroups.registry.RegistryException;
import dev.procgroups.security.SecurityPolicy;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A cluster of real nodes (Atomix on loopback) in this JVM, each with a Lua node whose scripts find
 * the suite's modules and helpers, and the {@code conformance.host} module. Scopes {@code app:pg}
 * and {@code app:other} exist on every node.
 */
final class EmbeddedCluster implements AutoCloseable {

  static final List<String> SCOPES = List.of("app:pg", "app:other");

  /** A scope of its own for the readiness probe, outside every script's policy. */
  private static final String READY_SCOPE = "conformance:ready";

  private static final String READY_GROUP = "cluster-ready";

  private final LocalCluster cluster;
  private final List<Node> nodes;
  private final List<LuaNode.Builder> luaBuilders = new ArrayList<>();
  private final List<LuaNode> luaNodes = new ArrayList<>();

  private volatile SecurityPolicy policy = SecurityPolicy.allowAll();

  EmbeddedCluster(int size, Path suiteRoot, PrintStream helperOutput) throws RegistryException {
    Map<String, Map<String, Object>> scopes = new LinkedHashMap<>();
    SCOPES.forEach(scope -> scopes.put(scope, Map.of()));
    scopes.put(READY_SCOPE, Map.of());
    this.cluster = new LocalCluster(size, scopes, this::allows);
    this.nodes = cluster.nodes();
    ScriptLibrary suite = ScriptLibrary.directory(suiteRoot);
    for (int i = 0; i < size; i++) {
      LuaNode.Builder builder =
          LuaNode.builder(nodes.get(i).processes())
              .pg(nodes.get(i).pg())
              .library(suite)
              .modulePath(suite)
              .module("conformance.host", new HostModule(luaNodes, i + 1));
      luaBuilders.add(builder);
      luaNodes.add(builder.output(helperOutput).build());
    }
  }

  /** The builder of node {@code index}'s Lua node, for running the script under test there. */
  LuaNode.Builder lua(int index) {
    return luaBuilders.get(index - 1);
  }

  /**
   * Waits until every node sees a probe process of every other node in one group, then until the
   * probes' exit has reached every node, so scripts start on a connected, empty cluster.
   */
  void awaitConnected(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    CountDownLatch release = new CountDownLatch(1);
    List<RunningProcess> probes = new ArrayList<>();
    for (Node node : nodes) {
      probes.add(
          node.processes()
              .spawn(
                  ctx -> {
                    PgInstance g = node.pg().open(ctx.handle(), READY_SCOPE);
                    g.join(READY_GROUP);
                    release.await();
                  }));
    }
    awaitGroupSize(nodes.size(), deadline);
    release.countDown();
    for (RunningProcess p : probes) {
      p.awaitExit(Duration.ofSeconds(5));
    }
    awaitGroupSize(0, deadline);
  }

  private void awaitGroupSize(int size, long deadline) throws InterruptedException {
    for (Node node : nodes) {
      while (node.pg().store(READY_SCOPE).orElseThrow().members(READY_GROUP).size() != size) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "the cluster did not connect: node "
                  + node.id()
                  + " does not see "
                  + size
                  + " probe(s)");
        }
        TimeUnit.MILLISECONDS.sleep(20);
      }
    }
  }

  /** Every node's policy: the current script's, except that the probe may use its own scope. */
  private boolean allows(Pid pid, String action, String resource) {
    return resource.equals(READY_SCOPE)
        || resource.equals(READY_GROUP)
        || policy.allows(pid, action, resource);
  }

  /**
   * Readies the cluster for the next script: kills every process on every node, waits until no node
   * sees any member in any scope, and installs the script's policy.
   */
  void reset(SecurityPolicy next, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Node node : nodes) {
      List<RunningProcess> live = node.processes().liveProcesses();
      live.forEach(RunningProcess::kill);
      for (RunningProcess p : live) {
        p.awaitExit(Duration.ofSeconds(5));
      }
    }
    for (Node node : nodes) {
      for (String scope : SCOPES) {
        while (!node.pg().store(scope).orElseThrow().groups().isEmpty()) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("node " + node.id() + " still has members in " + scope);
          }
          TimeUnit.MILLISECONDS.sleep(10);
        }
      }
    }
    policy = next;
  }

  @Override
  public void close() {
    cluster.close();
  }
}
