package dev.procgroups.cli;

import dev.procgroups.node.LocalCluster;
import dev.procgroups.lua.LuaNode;
import dev.procgroups.lua.LuaRunResult;
import dev.procgroups.lua.LuaScripts;
import dev.procgroups.registry.RegistryException;
import dev.procgroups.security.PolicyException;
import dev.procgroups.security.PolicyFile;
import dev.procgroups.security.SecurityPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code procgroups run SCRIPT.lua}: runs a user's script as a process on node 1 of an embedded
 * cluster of real nodes, passes its output through, then reports on stderr what {@link
 * ScriptCheck} found and how the script ended. The exit code is the script's ({@link
 * LuaRunResult.Status#exitCode()}), or {@value #USAGE} when the command could not start it.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
        "Runs a Lua script as a process on node 1 of an embedded cluster, prints what it prints,",
        "then reports on stderr: pg errors it ignored, API misuse (Invalid errors, calls on a",
        "released instance), subscriptions never closed, and how it ended.",
        "Exit code: 0 ok, 1 failed, 124 timed out, 137 killed, 2 the script could not be run."})
public final class RunCommand implements Subcommand, Callable<Integer> {

  static final int USAGE = 2;

  @Parameters(index = "0", paramLabel = "SCRIPT.lua", description = "The script to run; "
      + "process.spawn(name) finds name.lua beside it.")
  Path script;

  @Option(names = "--nodes", paramLabel = "N", defaultValue = "1",
      description = "Nodes in the embedded cluster (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--policy", paramLabel = "FILE",
      description = "A JSON permission policy (see impl/README.md); default: allow everything.")
  Path policy;

  @Option(names = "--scope", paramLabel = "ID", defaultValue = "app:pg",
      description = "A scope every node hosts; repeat for more (default: ${DEFAULT-VALUE}).")
  List<String> scopes;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Kill the script after this long (default: ${DEFAULT-VALUE}).")
  double timeoutSeconds;

  private final PrintStream out;
  private final PrintStream err;

  /** For the command line: the script's output to stdout, the report to stderr. */
  public RunCommand() {
    this(System.out, System.err);
  }

  RunCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (!Files.isRegularFile(script)) {
      err.println("procgroups run: no such script: " + script);
      return USAGE;
    }
    if (nodes < 1 || timeoutSeconds <= 0) {
      err.println("procgroups run: --nodes must be at least 1 and --timeout positive");
      return USAGE;
    }
    SecurityPolicy permissions;
    try {
      permissions = policy == null ? SecurityPolicy.allowAll() : PolicyFile.load(policy);
    } catch (IOException | PolicyException e) {
      err.println("procgroups run: cannot read the policy " + policy + ": " + e.getMessage());
      return USAGE;
    }
    ScriptCheck check = new ScriptCheck();
    LuaRunResult result;
    try (LocalCluster cluster = new LocalCluster(nodes, scopeConfigs(), permissions)) {
      LuaNode.Builder lua = LuaNode.builder(cluster.node(1).processes())
          .pg(cluster.node(1).pg()).observer(check);
      result = LuaScripts.runFile(script, lua,
          Duration.ofMillis(Math.round(timeoutSeconds * 1000)), out);
      // Closing the cluster ends the processes the script left running; they report as they exit.
    } catch (RegistryException e) {
      err.println("procgroups run: bad --scope: " + e.getMessage());
      return USAGE;
    } catch (IOException e) {
      err.println("procgroups run: cannot read " + script + ": " + e.getMessage());
      return USAGE;
    }
    out.flush();
    report(check.findings(), result);
    return result.status().exitCode();
  }

  private Map<String, Map<String, Object>> scopeConfigs() {
    Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
    scopes.forEach(id -> configs.put(id, Map.of()));
    return configs;
  }

  private void report(List<ScriptCheck.Finding> findings, LuaRunResult result) {
    err.println("script check: " + findings.size() + (findings.size() == 1 ? " finding" : " findings"));
    findings.forEach(f -> err.println("  " + f.line()));
    String status = result.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    // "failed: main.lua:2: boom", but "timed out after 1000 ms" rather than "timed out: timed out …"
    String how = result.error().map(e -> e.startsWith(status) ? e : status + ": " + e).orElse(status);
    err.println("script check: exit " + result.status().exitCode() + " (" + how + ")");
  }
}
