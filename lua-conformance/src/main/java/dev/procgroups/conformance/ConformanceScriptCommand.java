package dev.procgroups.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import dev.procgroups.cli.Subcommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code procgroups conformance-script}: this runtime's side of the adapter contract
 * (lua-conformance/README.md) — runs one script on a fresh embedded cluster, prints its output,
 * exits 0 when it ran to completion. {@code adapters/procgroups-adapter} calls it.
 */
@Command(name = "conformance-script", mixinStandardHelpOptions = true,
    description = "Run one conformance script on a fresh embedded cluster (the adapter contract).")
public final class ConformanceScriptCommand implements Callable<Integer>, Subcommand {

  @Option(names = "--nodes", defaultValue = "1", description = "Cluster size.")
  int nodes;

  @Option(names = "--suite", required = true, description = "The suite folder.")
  Path suiteRoot;

  @Option(names = "--deny", description = "ACTION=RESOURCE to deny (repeatable).")
  List<String> denials = new ArrayList<>();

  @Option(names = "--timeout", defaultValue = "60", description = "Seconds the script may run.")
  long timeoutSeconds;

  @Parameters(index = "0", description = "The script.")
  Path script;

  @Override
  public Integer call() throws Exception {
    Path root = suiteRoot.toAbsolutePath().normalize();
    String relative = root.relativize(script.toAbsolutePath().normalize()).toString();
    StringBuilder header = new StringBuilder("-- conformance: adapter\n");
    for (String denial : denials) {
      String[] parts = denial.split("=", 2);
      if (parts.length != 2) {
        System.err.println("--deny takes ACTION=RESOURCE, got " + denial);
        return 2;
      }
      header.append("-- deny: ").append(parts[0]).append(' ').append(parts[1]).append('\n');
    }
    // The denials come from the command line (the contract), not from the script's own header.
    ConformanceScript parsed = ConformanceScript.parse(relative, header.toString());
    ConformanceScript toRun = new ConformanceScript(parsed.id(), relative, parsed.tags(), nodes,
        parsed.denials(), "", Files.readString(script));
    try (EmbeddedRuntime runtime = new EmbeddedRuntime()) {
      ScriptOutcome outcome = runtime.run(root, toRun, nodes, Duration.ofSeconds(timeoutSeconds));
      outcome.output().forEach(System.out::println);
      if (!outcome.completed()) {
        System.out.println("# " + outcome.failure());
      }
      return outcome.completed() ? 0 : 1;
    }
  }
}
