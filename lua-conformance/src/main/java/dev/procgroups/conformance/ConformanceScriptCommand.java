package dev.procgroups.conformance;

import dev.procgroups.cli.Subcommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code procgroups conformance-script}: this runtime's side of the adapter contract (CONTRACT.md)
 * — declares its capabilities, or runs one script on a fresh embedded cluster, prints its output
 * and exits 0 when it ran to completion. {@code adapters/procgroups-adapter} calls it.
 */
@Command(
    name = "conformance-script",
    mixinStandardHelpOptions = true,
    description = "Run one conformance script on a fresh embedded cluster (the adapter contract).")
public final class ConformanceScriptCommand implements Callable<Integer>, Subcommand {

  @Option(names = "--capabilities", description = "Print the capabilities this runtime has, exit.")
  boolean declare;

  @Option(names = "--nodes", defaultValue = "1", description = "Cluster size.")
  int nodes;

  @Option(names = "--suite", description = "The suite folder.")
  Path suiteRoot;

  @Option(names = "--deny", description = "ACTION=RESOURCE to deny (repeatable).")
  List<String> denials = new ArrayList<>();

  @Option(names = "--timeout", defaultValue = "60", description = "Seconds the script may run.")
  long timeoutSeconds;

  @Parameters(index = "0", arity = "0..1", description = "The script.")
  Path script;

  @Override
  public Integer call() throws Exception {
    if (declare) {
      System.out.println(
          Arrays.stream(Capability.values())
              .map(Capability::word)
              .collect(Collectors.joining(" ")));
      return 0;
    }
    if (suiteRoot == null || script == null) {
      System.err.println("needs --suite ROOT and a SCRIPT (or --capabilities)");
      return 2;
    }
    List<ConformanceScript.Denial> rules = new ArrayList<>();
    for (String denial : denials) {
      String[] parts = denial.split("=", 2);
      if (parts.length != 2) {
        System.err.println("--deny takes ACTION=RESOURCE, got " + denial);
        return 2;
      }
      rules.add(new ConformanceScript.Denial(parts[0], parts[1]));
    }
    Path root = suiteRoot.toAbsolutePath().normalize();
    String relative = root.relativize(script.toAbsolutePath().normalize()).toString();
    // The denials come from the command line (the contract), not from the script's own header.
    ConformanceScript toRun =
        ConformanceScript.parse(relative, Files.readString(script)).with(nodes, rules);
    try (EmbeddedRuntime runtime = new EmbeddedRuntime()) {
      ScriptOutcome outcome = runtime.run(root, toRun, nodes, Duration.ofSeconds(timeoutSeconds));
      outcome.output().forEach(System.out::println);
      if (!outcome.completed()) {
        System.err.println(outcome.failure());
      }
      return outcome.completed() ? 0 : 1;
    }
  }
}
