package dev.procgroups.conformance;

import dev.procgroups.lua.LuaRunResult;
import dev.procgroups.lua.LuaScript;
import dev.procgroups.lua.LuaScripts;
import dev.procgroups.security.Rule;
import dev.procgroups.security.RulePolicy;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * This runtime: each script runs on node 1 of an {@link EmbeddedCluster} of real nodes, with a
 * policy that denies what the script's header denies and allows the rest. One cluster per size
 * serves every script: between two scripts it is reset (every process killed, every node's scopes
 * seen empty), which the adapter contract's "fresh cluster" asks for at a fraction of the cost of
 * starting Atomix nodes again.
 */
public final class EmbeddedRuntime implements ScriptRuntime {

  private static final Duration CONNECT = Duration.ofSeconds(30);
  private final Map<Integer, EmbeddedCluster> clusters = new HashMap<>();

  @Override
  public String name() {
    return "procgroups (embedded)";
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.allOf(Capability.class);
  }

  @Override
  public ScriptOutcome run(Path suiteRoot, ConformanceScript script, int nodes, Duration timeout) {
    long start = System.nanoTime();
    RulePolicy policy =
        new RulePolicy(
            script.denials().stream().map(d -> Rule.deny(d.action(), d.resource())).toList(),
            Rule.Effect.ALLOW);
    try {
      EmbeddedCluster cluster = cluster(nodes, suiteRoot);
      cluster.reset(policy, CONNECT);
      LuaRunResult result =
          LuaScripts.run(
              new LuaScript(script.path(), script.source()), cluster.lua(1), timeout, null);
      List<String> lines =
          result.output().isEmpty() ? List.of() : Arrays.asList(result.output().split("\n", -1));
      if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
        lines = lines.subList(0, lines.size() - 1);
      }
      List<String> stderr = result.error().map(e -> List.of(e.split("\n"))).orElse(List.of());
      return new ScriptOutcome(
          List.copyOf(lines),
          result.ok(),
          result.error().orElse(null),
          stderr,
          Duration.ofNanos(System.nanoTime() - start).toMillis());
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      EmbeddedCluster broken = clusters.remove(nodes);
      if (broken != null) {
        broken.close();
      }
      return new ScriptOutcome(
          List.of(),
          false,
          "the embedded cluster failed: " + e,
          List.of(),
          Duration.ofNanos(System.nanoTime() - start).toMillis());
    }
  }

  private EmbeddedCluster cluster(int nodes, Path suiteRoot) throws Exception {
    EmbeddedCluster cluster = clusters.get(nodes);
    if (cluster == null) {
      PrintStream quiet =
          new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
      cluster = new EmbeddedCluster(nodes, suiteRoot, quiet);
      clusters.put(nodes, cluster);
      cluster.awaitConnected(CONNECT);
    }
    return cluster;
  }

  @Override
  public void close() {
    clusters.values().forEach(EmbeddedCluster::close);
    clusters.clear();
  }
}
