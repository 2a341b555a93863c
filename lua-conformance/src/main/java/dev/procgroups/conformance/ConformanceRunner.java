package dev.procgroups.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
   * {@code clusterSizes}; a script that needs more nodes than a cluster has is skipped there.
   * {@code progress} sees each result as it is produced.
   */
  public List<ScriptResult> run(Suite suite, List<Integer> clusterSizes, Set<String> tags,
      Consumer<ScriptResult> progress) {
    List<ScriptResult> results = new ArrayList<>();
    for (int nodes : clusterSizes) {
      for (ConformanceScript script : suite.scripts()) {
        if (!tags.isEmpty() && script.tags().stream().noneMatch(tags::contains)) {
          continue;
        }
        ScriptResult result = script.nodes() > nodes
            ? new ScriptResult(script, nodes, null, "needs " + script.nodes() + " nodes")
            : new ScriptResult(script, nodes, runtime.run(suite.root(), script, nodes, timeout), null);
        results.add(result);
        progress.accept(result);
      }
    }
    return results;
  }
}
