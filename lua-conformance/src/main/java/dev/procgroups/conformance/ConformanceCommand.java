package dev.procgroups.conformance;

import dev.procgroups.cli.Subcommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code procgroups conformance}: runs the suite against this runtime or an adapter's. */
@Command(name = "conformance", mixinStandardHelpOptions = true,
    description = "Run the pg conformance suite (Lua scripts) and write TAP and JUnit XML reports.")
public final class ConformanceCommand implements Callable<Integer>, Subcommand {

  @Option(names = "--nodes", split = ",", defaultValue = "1,3",
      description = "Cluster sizes to run on (default: ${DEFAULT-VALUE}).")
  List<Integer> nodes;

  @Option(names = "--tags", split = ",",
      description = "Only scripts with one of these tags: spec, settled (default: all).")
  Set<String> tags = Set.of();

  @Option(names = "--adapter",
      description = "Another runtime's adapter command (see lua-conformance/README.md); "
          + "words separated by spaces. Default: this runtime, embedded.")
  String adapter;

  @Option(names = "--suite", description = "The suite folder (default: the bundled scripts).")
  Path suiteRoot;

  @Option(names = "--reports", defaultValue = "target/conformance",
      description = "Where the TAP and JUnit reports go (default: ${DEFAULT-VALUE}).")
  Path reports;

  @Option(names = "--timeout", defaultValue = "60",
      description = "Seconds one script may run (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Override
  public Integer call() throws Exception {
    Suite suite = suiteRoot == null ? Suite.bundled() : Suite.load(suiteRoot);
    try (ScriptRuntime runtime = adapter == null ? new EmbeddedRuntime()
        : new ExternalAdapter(List.of(adapter.trim().split("\\s+")))) {
      List<ScriptResult> results = new ConformanceRunner(runtime, Duration.ofSeconds(timeoutSeconds))
          .run(suite, nodes, tags, r -> System.out.println(Reports.line(r)));
      Path tap = Reports.write(reports, runtime.name(), results);
      long failed = results.stream().filter(r -> !r.passed()).count();
      long skipped = results.stream().filter(r -> r.skipped() != null).count();
      System.out.printf("%d passed, %d failed, %d skipped%n",
          results.size() - failed - skipped, failed, skipped);
      System.out.println("reports: " + tap + ", " + reports.resolve("junit.xml"));
      return failed == 0 ? 0 : 1;
    }
  }
}
