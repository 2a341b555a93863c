package dev.procgroups.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The whole suite against this runtime, on a 1-node and on a 3-node embedded cluster of real nodes;
 * the TAP and JUnit reports land in target/conformance.
 */
class ConformanceSuiteTest {

  @Test
  void everyScriptPassesOnOneAndOnThreeNodes() throws Exception {
    Suite suite = Suite.bundled();
    List<ScriptResult> results;
    try (EmbeddedRuntime runtime = new EmbeddedRuntime()) {
      results =
          new ConformanceRunner(runtime, Duration.ofSeconds(60))
              .run(suite, List.of(1, 3), Set.of(), r -> System.out.println(Reports.line(r)));
      Reports.write(
          Path.of("target", "conformance"),
          new Reports.Run(suite.version(), runtime.name(), runtime.capabilities()),
          results);
    }
    assertThat(results).hasSize(2 * suite.scripts().size());
    assertThat(results.stream().filter(r -> r.skipped() != null).map(Reports::line))
        .as("only the 3-node cases skip on 1 node")
        .allMatch(l -> l.contains("needs 3 nodes"))
        .hasSize((int) suite.scripts().stream().filter(s -> s.nodes() == 3).count());
    assertThat(results.stream().filter(r -> !r.passed()).map(Reports::line))
        .as("failing scripts")
        .isEmpty();
  }
}
