package dev.procgroups.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Runs the scripts of a suite, filtered by tag, on each requested cluster size. */
public final class ConformanceRunner {

  private final ScriptRuntime runtime;
  private final Duration timeout;

  public ConformanceRunner(ScriptRuntime runtime, Duration timeout) {
    this.runtime = runtime;
    this.timeout = timeout;
  }

  /**
   * Runs every script carrying one of {@code tags} (all when empty) on clusters of each size in
   * {@code clusterSizes}. A script is skipped, with the reason, where the cluster is smaller than
   * it needs or the runtime lacks a capability it needs (multi-node for any cluster above one).
   * {@code progress} sees each result as it is produced.
   */
  public List<ScriptResult> run(
      Suite suite, List<Integer> clusterSizes, Set<String> tags, Consumer<ScriptResult> progress) {
    Set<Capability> has = runtime.capabilities();
    List<ScriptResult> results = new ArrayList<>();
    for (int nodes : clusterSizes) {
      for (ConformanceScript script : suite.scripts()) {
        if (!tags.isEmpty() && script.tags().stream().noneMatch(tags::contains)) {
          continue;
        }
        ScriptResult result =
            skipReason(script, nodes, has)
                .map(why -> new ScriptResult(script, nodes, null, why))
                .orElseGet(
                    () ->
                        new ScriptResult(
                            script,
                            nodes,
                            runtime.run(suite.root(), script, nodes, timeout),
                            null));
        results.add(result);
        progress.accept(result);
      }
    }
    return results;
  }

  static Optional<String> skipReason(ConformanceScript script, int nodes, Set<Capability> has) {
    if (nodes > 1 && !has.contains(Capability.MULTI_NODE)) {
      return Optional.of(
          "needs capability " + Capability.MULTI_NODE + " (a " + nodes + "-node cluster)");
    }
    List<String> missing =
        script.needs().stream()
            .filter(c -> !has.contains(c))
            .sorted()
            .map(Capability::word)
            .toList();
    if (!missing.isEmpty()) {
      return Optional.of("needs capability " + String.join(", ", missing));
    }
    return script.nodes() > nodes
        ? Optional.of("needs " + script.nodes() + " nodes")
        : Optional.empty();
  }
}
