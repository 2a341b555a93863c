package dev.procgroups.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole suite against the plain-Lua reference runtime (reference/runtime.lua) through its
 * adapter, run by PUC Lua: every case passes or skips for the one capability it lacks (multi-node).
 * Planted bugs in a copy of it fail the suite. Skips itself when no Lua interpreter is installed,
 * except in CI (CI=true), where scripts/install-system-tools installs lua5.2.
 */
class ReferenceRuntimeTest {

  private static final Path ADAPTERS = Path.of("adapters");
  private static final Path RUNTIME = Path.of("reference", "runtime.lua");
  private static final Set<Capability> DECLARED =
      EnumSet.of(
          Capability.CORE,
          Capability.SPAWN,
          Capability.POLICY,
          Capability.SCOPES,
          Capability.LIMITS);

  private final Suite suite = Suite.bundled();

  @BeforeAll
  static void needsLua() {
    boolean lua = Stream.of("lua5.2", "lua").anyMatch(ReferenceRuntimeTest::onPath);
    if (!lua && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(
          "CI must run the reference runtime: lua5.2 is missing "
              + "(scripts/install-system-tools installs it)");
    }
    Assumptions.assumeTrue(
        lua,
        "no lua5.2 or lua on the PATH: the reference runtime's run is "
            + "skipped (install it with scripts/install-system-tools)");
  }

  @Test
  void everyCasePassesOrSkipsForItsMissingCapability() {
    ExternalAdapter adapter = adapter(ADAPTERS);
    assertThat(adapter.capabilities()).isEqualTo(DECLARED);
    List<ScriptResult> results =
        new ConformanceRunner(adapter, Duration.ofSeconds(60))
            .run(suite, List.of(1, 3), Set.of(), r -> System.out.println(Reports.line(r)));
    assertThat(results).hasSize(2 * suite.scripts().size());
    assertThat(
            results.stream().filter(ScriptResult::failed).flatMap(r -> Reports.console(r).stream()))
        .as("failures")
        .isEmpty();
    assertThat(results.stream().filter(r -> r.skipped() != null))
        .as("skipped only for multi-node")
        .allSatisfy(r -> assertThat(r.skipped()).startsWith("needs capability multi-node"))
        .hasSize(
            suite.scripts().size()
                + (int)
                    suite.scripts().stream()
                        .filter(s -> s.needs().contains(Capability.MULTI_NODE))
                        .count());
  }

  /** A copy of the runtime with one change; the suite must fail the named case. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "leave removes the oldest slot | for i = #slots, 1, -1 do | for i = 1, #slots do "
            + "| leave_removes_latest",
        "leave removes every slot | table.remove(slots, i) | "
            + "for j = #slots, 1, -1 do if slots[j] == pid then table.remove(slots, j) end end "
            + "| doc_03_join_leave",
        "validation after permission | local resources = check(self, ...) | "
            + "local resources = check(self, ...) or {'?'} | validation_before_permission"
      })
  void aPlantedBugFailsTheSuite(
      String bug, String original, String planted, String caseId, @TempDir Path copy)
      throws IOException {
    Files.createDirectories(copy.resolve("reference"));
    Files.createDirectories(copy.resolve("adapters"));
    for (String file : List.of("reference-lua", "reference-lua.lua")) {
      Files.copy(
          ADAPTERS.resolve(file),
          copy.resolve("adapters").resolve(file),
          StandardCopyOption.COPY_ATTRIBUTES);
    }
    String source = Files.readString(RUNTIME);
    assertThat(source).as("the mutant's target").contains(original);
    Files.writeString(copy.resolve(RUNTIME), source.replace(original, planted));

    List<ScriptResult> results =
        new ConformanceRunner(adapter(copy.resolve("adapters")), Duration.ofSeconds(60))
            .run(suite, List.of(1), Set.of(), r -> {});
    assertThat(results.stream().filter(ScriptResult::failed).map(r -> r.script().id()))
        .as("cases failing with " + bug)
        .contains(caseId);
  }

  /** A check that raises prints "not ok" and the script goes on (the harness's promise). */
  @Test
  void aRaisingCheckDoesNotLoseTheRestOfTheScript(@TempDir Path root) throws IOException {
    Suite.export(root);
    Path script = root.resolve("project/raising.lua");
    Files.writeString(
        script,
        """
        -- conformance: raising
        -- tags: project
        -- describe: a check that raises, then one that passes
        local t = require("harness")
        local rows = require("helpers.rows")
        rows.failed(errors.INVALID, "a success where an error was due", true)
        t.err(setmetatable({}, { __index = function() error("boom") end }), errors.INVALID, "odd")
        t.ok(true, "the check after it ran")
        t.done()
        """);
    ScriptOutcome outcome =
        adapter(ADAPTERS)
            .run(
                root,
                ConformanceScript.parse("project/raising.lua", Files.readString(script)),
                1,
                Duration.ofSeconds(30));
    assertThat(outcome.failingLines())
        .anyMatch(l -> l.startsWith("not ok 2 - a success where"))
        .anyMatch(l -> l.contains("the check raised") || l.startsWith("not ok 3 - odd"));
    assertThat(outcome.output()).contains("ok 4 - the check after it ran", "1..4");
    assertThat(outcome.completed()).as("t.done() raises after failures").isFalse();
    assertThat(outcome.stderrTail()).anyMatch(l -> l.contains("3 of 4 assertions failed"));
  }

  private static ExternalAdapter adapter(Path adapters) {
    return new ExternalAdapter(List.of(adapters.resolve("reference-lua").toString()));
  }

  private static boolean onPath(String command) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
  }
}
