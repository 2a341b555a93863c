package dev.procgroups.conformance;

import dev.procgroups.cli.Subcommand;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code procgroups conformance}: runs the suite against this runtime or an adapter's. */
@Command(
    name = "conformance",
    mixinStandardHelpOptions = true,
    subcommands = ConformanceCommand.Export.class,
    description = {
      "Run the pg conformance suite (Lua scripts) against this runtime or another "
          + "runtime's adapter; write TAP 14, JUnit XML and JSON reports.",
      "A case needing a capability the runtime lacks is skipped (TAP # SKIP), not failed."
    },
    footer = {
      "",
      "Capabilities (ADAPTER --capabilities declares them; CONTRACT.md):",
      ConformanceCommand.CAPABILITIES_HELP + "Examples:",
      "  procgroups conformance --nodes 1 --tags spec",
      "  procgroups conformance --nodes 1 \\",
      "      --adapter lua-conformance/adapters/reference-lua",
      "  procgroups conformance export vendor/pg-conformance"
    })
public final class ConformanceCommand implements Callable<Integer>, Subcommand {

  /** One line per capability; a test keeps it in step with {@link Capability}. */
  static final String CAPABILITIES_HELP =
      """
        core        one process on one node: pg, scope app:pg, errors,
                    process.pid/listen, channels, host.node/nodes/sleep/receive
        spawn       host.spawn starts helper processes; process.send
        multi-node  clusters of 3 nodes (--nodes 3), host.spawn on any node
        policy      --deny ACTION=RESOURCE rules give PERMISSION_DENIED
        scopes      a second scope, app:other, independent of app:pg
        limits      64-event subscription buffers counting drops
                    (sub:dropped()), names of at most 1024 bytes
      """;

  @Option(
      names = "--nodes",
      split = ",",
      defaultValue = "1,3",
      description =
          "Cluster sizes to run on (default: ${DEFAULT-VALUE}); a runtime without "
              + "multi-node skips every case above 1.")
  List<Integer> nodes;

  @Option(
      names = "--tags",
      split = ",",
      description =
          "Only cases with one of these tags: spec (pg-api.txt), settled "
              + "(SEMANTICS.md), project (this project's own limits and choices). Default: all.")
  Set<String> tags = Set.of();

  @Option(
      names = "--adapter",
      description =
          "Another runtime's adapter command (CONTRACT.md); words separated by "
              + "spaces. Default: this runtime, embedded.")
  String adapter;

  @Option(names = "--suite", description = "The suite folder (default: the bundled cases).")
  Path suiteRoot;

  @Option(
      names = {"--out", "--reports"},
      defaultValue = "target/conformance",
      description =
          "Where the reports (and, from a jar, the suite's copy) go; nothing is "
              + "written elsewhere (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--timeout",
      defaultValue = "60",
      description = "Seconds one case may run (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Override
  public Integer call() throws IOException {
    Suite suite = suiteRoot == null ? Suite.bundled(out) : Suite.load(suiteRoot);
    try (ScriptRuntime runtime =
        adapter == null
            ? new EmbeddedRuntime()
            : new ExternalAdapter(List.of(adapter.trim().split("\\s+")))) {
      Reports.Run run = new Reports.Run(suite.version(), runtime.name(), runtime.capabilities());
      System.out.println(
          "pg conformance suite " + run.suiteVersion() + " against " + run.runtime());
      System.out.println("capabilities: " + run.capabilities());
      List<ScriptResult> results =
          new ConformanceRunner(runtime, Duration.ofSeconds(timeoutSeconds))
              .run(suite, nodes, tags, r -> Reports.console(r).forEach(System.out::println));
      Reports.write(out, run, results);
      Summary summary = Summary.of(results);
      System.out.println();
      summary.table().forEach(System.out::println);
      System.out.println(
          "suite "
              + run.suiteVersion()
              + "; reports: "
              + out.resolve(Reports.TAP)
              + ", "
              + out.resolve(Reports.JUNIT)
              + ", "
              + out.resolve(Reports.JSON));
      Summary.Counts total = summary.total();
      System.out.printf(
          "%d passed, %d failed, %d skipped%n", total.passed(), total.failed(), total.skipped());
      return total.failed() == 0 ? 0 : 1;
    } catch (IllegalStateException e) {
      System.err.println("conformance: " + e.getMessage());
      return 2;
    }
  }

  /** {@code procgroups conformance export DIR}: the suite as files, for a runtime to vendor. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "Write the suite (cases, harness, helpers, CONTRACT.md, COVERAGE.md, VERSION) "
              + "into DIR.")
  static final class Export implements Callable<Integer> {

    @Parameters(index = "0", description = "The folder to write into (created if missing).")
    Path dir;

    @Override
    public Integer call() throws IOException {
      Suite.export(dir);
      System.out.println(
          "pg conformance suite " + Suite.load(dir).version() + " written to " + dir);
      return 0;
    }
  }
}
