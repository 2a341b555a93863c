package dev.procgroups.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.procgroups.lua.LuaNode;
import dev.procgroups.lua.LuaRunResult;
import dev.procgroups.lua.LuaScript;
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
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code procgroups run SCRIPT.lua}: compiles the script (a syntax error is reported before any
 * node starts), runs it as a process on node 1 ({@link ScriptNodes}: an embedded cluster of real
 * nodes, or one node alone), passes its output through, then reports on stderr what {@link
 * ScriptCheck} found (counted per kind and place, the first {@value #SHOWN_PER_KIND} places of each
 * kind printed), how each process it spawned ended, and how the script ended; with {@code --json
 * FILE}, the same as JSON. The exit code is the script's ({@link LuaRunResult.Status#exitCode()}),
 * or {@value #USAGE} when the command could not start it.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Compiles a Lua script (syntax errors are reported before any node starts), runs it as a",
      "process on node 1 of an embedded cluster (one node: without the cluster layer), prints",
      "what it prints, then reports on stderr, counted per kind and place: pg errors it ignored,",
      "API misuse (Invalid errors, calls on a released instance), subscriptions never closed;",
      "how each process it spawned ended, and how it ended. --json FILE: the same as JSON.",
      "Exit code: 0 ok, 1 failed, 124 timed out, 137 killed, 2 the script could not be run."
    })
public final class RunCommand implements Subcommand, Callable<Integer> {

  static final int USAGE = 2;
  static final int SHOWN_PER_KIND = 5;

  @Parameters(
      index = "0",
      paramLabel = "SCRIPT.lua",
      description = "The script to run; " + "process.spawn(name) finds name.lua beside it.")
  Path script;

  @Option(
      names = "--nodes",
      paramLabel = "N",
      defaultValue = "1",
      description = "Nodes in the embedded cluster (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "A JSON permission policy (see impl/README.md); default: allow everything.")
  Path policy;

  @Option(
      names = "--scope",
      paramLabel = "ID",
      defaultValue = "app:pg",
      description = "A scope every node hosts; repeat for more (default: ${DEFAULT-VALUE}).")
  List<String> scopes;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "Kill the script after this long (default: ${DEFAULT-VALUE}).")
  double timeoutSeconds;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Also write the report as JSON to FILE (for CI annotations).")
  Path json;

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
    LuaScript source;
    try {
      source = LuaScript.read(script);
    } catch (IOException e) {
      err.println("procgroups run: cannot read " + script + ": " + e.getMessage());
      return USAGE;
    }
    Optional<String> syntax = LuaNode.syntaxError(source);
    if (syntax.isPresent()) { // before any node starts
      ScriptCheck none = new ScriptCheck();
      LuaRunResult failed = new LuaRunResult(LuaRunResult.Status.FAILED, "", syntax);
      return report(none, none.processEnds(), failed);
    }
    ScriptCheck check = new ScriptCheck();
    LuaRunResult result;
    List<ScriptCheck.ProcessEnd> ends;
    try (ScriptNodes node = ScriptNodes.start(nodes, scopeConfigs(), permissions)) {
      LuaNode.Builder lua = LuaNode.builder(node.processes()).pg(node.pg()).observer(check);
      result =
          LuaScripts.runFile(
              script, lua, Duration.ofMillis(Math.round(timeoutSeconds * 1000)), out);
      ends = check.processEnds(); // before closing ends the ones still running
      // Closing the node ends the processes the script left running; they report as they exit.
    } catch (RegistryException e) {
      err.println("procgroups run: bad --scope: " + e.getMessage());
      return USAGE;
    } catch (IOException e) {
      err.println("procgroups run: cannot read " + script + ": " + e.getMessage());
      return USAGE;
    }
    out.flush();
    return report(check, ends, result);
  }

  private Map<String, Map<String, Object>> scopeConfigs() {
    Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
    scopes.forEach(id -> configs.put(id, Map.of()));
    return configs;
  }

  /** Prints the report (and writes the JSON one, if asked); the exit code. */
  private int report(ScriptCheck check, List<ScriptCheck.ProcessEnd> ends, LuaRunResult result) {
    List<ScriptCheck.Finding> findings = check.findings();
    long total = check.total();
    err.println("script check: " + total + (total == 1 ? " finding" : " findings"));
    for (ScriptCheck.Kind kind : ScriptCheck.Kind.values()) {
      List<ScriptCheck.Finding> ofKind = findings.stream().filter(f -> f.kind() == kind).toList();
      ofKind.stream().limit(SHOWN_PER_KIND).forEach(f -> err.println("  " + f.line()));
      if (ofKind.size() > SHOWN_PER_KIND) {
        List<ScriptCheck.Finding> rest = ofKind.subList(SHOWN_PER_KIND, ofKind.size());
        err.println(
            "  and "
                + rest.stream().mapToLong(ScriptCheck.Finding::count).sum()
                + " more "
                + kind.label
                + " findings in "
                + rest.size()
                + " more places");
      }
    }
    if (!ends.isEmpty()) {
      err.println(
          "script check: "
              + ends.size()
              + " spawned "
              + (ends.size() == 1 ? "process" : "processes"));
      ends.stream().limit(SHOWN_PER_KIND).forEach(e -> err.println("  " + e.line()));
      if (ends.size() > SHOWN_PER_KIND) {
        err.println("  and " + (ends.size() - SHOWN_PER_KIND) + " more");
      }
    }
    String status = result.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    // "failed: main.lua:2: boom", but "timed out after 1000 ms" rather than "timed out: timed out
    // …"
    String how =
        result.error().map(e -> e.startsWith(status) ? e : status + ": " + e).orElse(status);
    err.println("script check: exit " + result.status().exitCode() + " (" + how + ")");
    if (json != null) {
      try {
        writeJson(findings, total, ends, result);
      } catch (IOException e) {
        err.println("procgroups run: cannot write " + json + ": " + e.getMessage());
        return USAGE;
      }
    }
    return result.status().exitCode();
  }

  private void writeJson(
      List<ScriptCheck.Finding> findings,
      long total,
      List<ScriptCheck.ProcessEnd> ends,
      LuaRunResult result)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("script", script.toString());
    root.put("total", total);
    ArrayNode places = root.putArray("findings");
    for (ScriptCheck.Finding f : findings) {
      places
          .addObject()
          .put("kind", f.kind().name().toLowerCase(Locale.ROOT))
          .put("method", f.method())
          .put("detail", f.detail())
          .put("first_process", f.firstProcess().toString())
          .put("count", f.count())
          .put("text", f.line());
    }
    ArrayNode processes = root.putArray("spawned");
    for (ScriptCheck.ProcessEnd e : ends) {
      processes
          .addObject()
          .put("pid", e.process().toString())
          .put("script", e.script())
          .put("end", e.end())
          .put("message", e.message());
    }
    root.putObject("exit")
        .put("code", result.status().exitCode())
        .put("status", result.status().name().toLowerCase(Locale.ROOT))
        .put("error", result.error().orElse(null));
    mapper.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), root);
  }
}
