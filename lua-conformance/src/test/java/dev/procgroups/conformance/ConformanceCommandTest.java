package dev.procgroups.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code procgroups conformance}: its console, its reports, its help and {@code export}. */
class ConformanceCommandTest {

  @TempDir Path dir;

  /** An adapter without spawn whose every case fails with a TAP line and a stderr line. */
  @Test
  void aFailureShowsItsTapLinesAndStderrAndSkipsNameTheCapability() throws IOException {
    Path adapter = dir.resolve("failing-adapter");
    Files.writeString(
        adapter,
        """
        #!/usr/bin/env bash
        if [ "$1" = --capabilities ]; then echo core policy scopes limits; exit 0; fi
        echo 'ok 1 - fine'; echo 'not ok 2 - broken'; echo '# expected 1'; echo 'ok 3 - after'
        echo 'boom on stderr' >&2
        exit 1
        """);
    Files.setPosixFilePermissions(adapter, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path out = dir.resolve("out");
    Run run =
        run(
            "--adapter",
            adapter.toString(),
            "--nodes",
            "1,3",
            "--tags",
            "spec",
            "--out",
            out.toString());

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.stdout)
        .contains(
            "| not ok 2 - broken",
            "| # expected 1",
            "! boom on stderr",
            "# SKIP needs capability spawn",
            "# SKIP needs capability multi-node (a 3-node cluster)",
            "needs spawn",
            "tag spec",
            "suite " + Suite.bundled().version());
    assertThat(run.stdout).doesNotContain("| ok 3");
    String tap = Files.readString(out.resolve(Reports.TAP));
    assertThat(tap)
        .startsWith("TAP version 14\n# pg conformance suite " + Suite.bundled().version())
        .contains("# SKIP needs capability spawn", "    not ok 2 - broken", "# stderr: boom");
    assertThat(Files.readString(out.resolve(Reports.JUNIT)))
        .contains("name=\"suiteVersion\"", "stderr: boom on stderr", "<skipped");
    JsonNode json = new ObjectMapper().readTree(out.resolve(Reports.JSON).toFile());
    assertThat(json.get("suiteVersion").asText()).isEqualTo(Suite.bundled().version());
    assertThat(json.at("/byCapability/spawn/skipped").asInt()).isPositive();
    assertThat(json.at("/byCapability/multi-node/passed").asInt()).isZero();
    assertThat(json.at("/total/failed").asInt()).isPositive();
    assertThat(json.at("/cases/0/failingLines/0").asText()).isEqualTo("not ok 2 - broken");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(Reports.TAP, Reports.JUNIT, Reports.JSON);
    }
  }

  @Test
  void helpShowsNodesAndEveryCapability() throws IOException {
    String help = new CommandLine(new ConformanceCommand()).getUsageMessage();
    assertThat(help).contains("--nodes", "--tags", "--out", "export");
    String contract = Files.readString(Path.of("CONTRACT.md"));
    String readme = Files.readString(Path.of("README.md"));
    for (Capability c : Capability.values()) {
      assertThat(help).contains("  " + c.word() + " ");
      assertThat(contract).contains("| `" + c.word() + "` |");
      assertThat(readme).contains("`" + c.word() + "`");
    }
  }

  @Test
  void exportWritesAPortableVersionedSuite() throws IOException {
    Path target = dir.resolve("vendor");
    Run run = run("export", target.toString());
    assertThat(run.exit).isZero();
    Suite bundled = Suite.bundled();
    assertThat(run.stdout).contains("suite " + bundled.version());
    for (String file :
        List.of(
            "VERSION",
            "CONTRACT.md",
            "COVERAGE.md",
            "harness.lua",
            "helpers/spawn.lua",
            "spec/doc_01_loading.lua",
            "project/name_length_limit.lua")) {
      assertThat(target.resolve(file)).as(file).isRegularFile();
    }
    Suite exported = Suite.load(target);
    assertThat(exported.version()).isEqualTo(bundled.version());
    assertThat(exported.scripts().stream().map(ConformanceScript::id))
        .containsExactlyElementsOf(bundled.scripts().stream().map(ConformanceScript::id).toList());
  }

  private record Run(int exit, String stdout) {}

  private static Run run(String... args) {
    PrintStream saved = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      int exit = new CommandLine(new ConformanceCommand()).execute(args);
      return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(saved);
    }
  }
}
