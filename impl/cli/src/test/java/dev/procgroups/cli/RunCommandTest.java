package dev.procgroups.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code procgroups run} on real embedded clusters: output, findings, exit codes. */
class RunCommandTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void isASubcommandOfTheCli() {
    assertThat(ProcgroupsCli.commandLine().getSubcommands()).containsKey("run");
  }

  @Test
  void aCleanScriptPrintsAndHasNoFindings() throws IOException {
    int code =
        run(
            "main.lua",
            """
        local g = assert(require("pg").open("app:pg"))
        assert(g:join("workers"))
        print("members", #g:get_members("workers"))
        """);
    assertThat(code).isZero();
    assertThat(stdout()).isEqualTo("members\t1\n");
    assertThat(stderr()).isEqualTo("script check: 0 findings\nscript check: exit 0 (ok)\n");
  }

  @Test
  void scopeOptionsReplaceTheDefault() throws IOException {
    int code =
        run(
            "main.lua",
            """
        assert(require("pg").open("other:scope"))
        local g, err = require("pg").open("app:pg")
        print(err:kind())
        """,
            "--scope",
            "other:scope");
    assertThat(code).isZero();
    assertThat(stdout()).isEqualTo("NotFound\n");
  }

  @Test
  void reportsAnErrorIgnoredUnderAPolicy() throws IOException {
    int code =
        run(
            "main.lua",
            """
        local g = assert(require("pg").open("app:pg"))
        g:join("admin")
        """,
            "--policy",
            policy());
    assertThat(code).isZero();
    assertThat(stderr())
        .startsWith("script check: 1 finding\n  ignored error (hint): join() in {n1@")
        .contains("returned PermissionDenied (")
        .endsWith("script check: exit 0 (ok)\n");
  }

  @Test
  void reportsMisuseAndACallOnAReleasedInstance() throws IOException {
    int code =
        run(
            "main.lua",
            """
        local g = assert(require("pg").open("app:pg"))
        local ok, err = g:join(42)
        print(err:kind())
        g:release()
        local ok2, err2 = g:get_members("workers")
        print(errors.is(err2, errors.INVALID))
        """);
    assertThat(code).isZero();
    assertThat(stdout()).isEqualTo("Invalid\ntrue\n");
    assertThat(lines(stderr()))
        .hasSize(4)
        .anySatisfy(
            l -> assertThat(l).startsWith("  misuse: join() in {n1@").contains("failed: Invalid ("))
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("  misuse: get_members() in {n1@")
                    .endsWith("was called on a released instance"))
        .startsWith("script check: 2 findings");
  }

  @Test
  void reportsASubscriptionNeverClosed() throws IOException {
    int code =
        run(
            "main.lua",
            """
        local g = assert(require("pg").open("app:pg"))
        local sub, members, err = g:monitor("workers")
        assert(sub, err)
        """);
    assertThat(code).isZero();
    assertThat(lines(stderr()))
        .hasSize(3)
        .element(1)
        .asString()
        .startsWith("  unclosed subscription: monitor() in {n1@");
  }

  @Test
  void aScriptThatRaisesFailsWithExitOne() throws IOException {
    int code = run("main.lua", "print('before')\nerror('boom')\n");
    assertThat(code).isEqualTo(1);
    assertThat(stdout()).isEqualTo("before\n");
    assertThat(stderr()).endsWith("script check: exit 1 (failed: main.lua:2: boom)\n");
  }

  @Test
  void aScriptThatRunsTooLongTimesOutWithExit124() throws IOException {
    int code = run("main.lua", "while true do end", "--timeout", "1");
    assertThat(code).isEqualTo(124);
    assertThat(stderr()).endsWith("script check: exit 124 (timed out after 1000 ms)\n");
  }

  @Test
  void aKilledScriptExitsWith137() throws IOException {
    int code = run("main.lua", "process.kill(process.pid())\nwhile true do end");
    assertThat(code).isEqualTo(137);
    assertThat(stderr()).endsWith("script check: exit 137 (killed)\n");
  }

  @Test
  void runsOnThreeNodesAndSeesASpawnedProcessJoin() throws IOException {
    Files.writeString(
        dir.resolve("worker.lua"),
        """
        local g = assert(require("pg").open("app:pg"))
        assert(g:join("workers"))
        process.listen("stop"):receive()
        """);
    int code =
        run(
            "main.lua",
            """
        local g = assert(require("pg").open("app:pg"))
        local sub, members, err = g:monitor("workers")
        assert(sub, err)
        local worker = assert(process.spawn("worker"))
        local event = sub:channel():receive(5000)
        print(event.kind, event.data.PIDs[1] == worker)
        process.send(worker, "stop", true)
        sub:close()
        """,
            "--nodes",
            "3");
    assertThat(code).isZero();
    assertThat(stdout()).isEqualTo("member.joined\ttrue\n");
    assertThat(stderr()).startsWith("script check: 0 findings\n");
  }

  @Test
  void aSyntaxErrorIsReportedBeforeAnythingRuns() throws IOException {
    int code = run("main.lua", "print('never')\nx = = 1\n");
    assertThat(code).isEqualTo(1);
    assertThat(stdout()).isEmpty();
    assertThat(stderr())
        .isEqualTo(
            "script check: 0 findings\n"
                + "script check: exit 1 (failed: main.lua:2: unexpected symbol 61 (=))\n");
  }

  @Test
  void findingsAreCountedExactlyPerPlaceAndTheFirstFewPrinted() throws IOException {
    Path json = dir.resolve("report.json");
    int code =
        run(
            "main.lua",
            """
        local g = assert(require("pg").open("app:pg"))
        for i = 1, 20000 do g:join("") end
        for i = 1, 3 do g:leave("") end
        g:get_members("") g:get_local_members("") g:broadcast("", "t") g:join(42)
        for i = 1, 2000 do g:monitor("w" .. i) end
        """,
            "--json",
            dir.resolve("report.json").toString());
    assertThat(code).isZero();
    List<String> lines = lines(stderr());
    assertThat(lines.get(0)).isEqualTo("script check: 22007 findings");
    assertThat(lines.get(1))
        .startsWith("  misuse: join() in {n1@")
        .endsWith("failed: Invalid (group: must not be empty) (20000 times)");
    assertThat(lines.get(2)).endsWith("(3 times)");
    assertThat(lines.get(6)).isEqualTo("  and 1 more misuse findings in 1 more places");
    assertThat(lines.get(7))
        .startsWith("  unclosed subscription: monitor() in {n1@")
        .endsWith("opened one that was never closed (2000 times)");
    assertThat(lines).hasSize(9);
    String report = Files.readString(json);
    assertThat(report)
        .contains(
            "\"total\" : 22007",
            "\"count\" : 20000",
            "\"count\" : 2000",
            "\"kind\" : \"unclosed_subscription\"",
            "\"code\" : 0");
  }

  @Test
  void listsHowEachSpawnedProcessEnded() throws IOException {
    Files.writeString(dir.resolve("fine.lua"), "return");
    Files.writeString(dir.resolve("broken.lua"), "error('worker broke', 0)");
    Files.writeString(dir.resolve("waits.lua"), "process.listen('never'):receive()");
    int code =
        run(
            "main.lua",
            """
        local time = require("time")
        process.spawn("fine")
        process.spawn("broken")
        process.kill(process.spawn("waits"))
        process.spawn("waits")
        time.sleep(2000)
        """);
    assertThat(code).isZero();
    List<String> lines = lines(stderr());
    assertThat(lines.get(1)).isEqualTo("script check: 4 spawned processes");
    assertThat(lines.get(2)).startsWith("  fine {n1@").endsWith(": ok");
    assertThat(lines.get(3)).startsWith("  broken {n1@").endsWith(": error: worker broke");
    assertThat(lines.get(4)).startsWith("  waits {n1@").endsWith(": killed");
    assertThat(lines.get(5)).startsWith("  waits {n1@").endsWith(": still running at exit");
  }

  @Test
  void aMissingScriptOrBadPolicyIsAUsageError() throws IOException {
    assertThat(command("run", dir.resolve("absent.lua").toString())).isEqualTo(RunCommand.USAGE);
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"rulez\": []}");
    Files.writeString(dir.resolve("ok.lua"), "print(1)");
    assertThat(command("run", dir.resolve("ok.lua").toString(), "--policy", bad.toString()))
        .isEqualTo(RunCommand.USAGE);
    assertThat(stderr()).contains("cannot read the policy");
  }

  /** Allows everything except joining {@code admin}. */
  private String policy() throws IOException {
    return Files.writeString(
            dir.resolve("policy.json"),
            """
        {"default": "allow",
         "rules": [{"effect": "deny", "action": "pg.join", "resource": "admin"}]}
        """)
        .toString();
  }

  private int run(String name, String source, String... options) throws IOException {
    Path script = Files.writeString(dir.resolve(name), source);
    List<String> args = new ArrayList<>(List.of("run", script.toString()));
    args.addAll(List.of(options));
    return command(args.toArray(String[]::new));
  }

  private int command(String... args) {
    out.reset();
    err.reset();
    CommandLine cli = new CommandLine(new Root());
    cli.addSubcommand(
        new RunCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8)));
    return cli.execute(args);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static List<String> lines(String text) {
    return text.lines().toList();
  }

  @CommandLine.Command(name = "procgroups")
  private static final class Root {}
}
