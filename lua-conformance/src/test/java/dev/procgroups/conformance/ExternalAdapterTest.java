package dev.procgroups.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter contract's runner side, with fake adapters and with this runtime as an adapter. */
class ExternalAdapterTest {

  private final Suite suite = Suite.bundled();

  @TempDir Path dir;

  @Test
  void passesTheContractsArgumentsAndReadsTheOutcome() throws IOException {
    Path adapter = script("echo-args", "echo \"ok 1 - args $*\"\nexit 0\n");
    ConformanceScript perm = find("perm_02_join");
    ScriptOutcome outcome =
        new ExternalAdapter(List.of(adapter.toString()))
            .run(suite.root(), perm, 3, Duration.ofSeconds(10));
    assertThat(outcome.passed()).isTrue();
    assertThat(outcome.output())
        .singleElement()
        .asString()
        .contains(
            "--nodes 3",
            "--suite " + suite.root(),
            "--deny pg.join=secret",
            suite.root().resolve(perm.path()).toString());
  }

  @Test
  void aNotOkLineANonZeroExitAndATimeoutAreFailures() throws IOException {
    ConformanceScript any = find("doc_01_loading");
    ScriptOutcome notOk =
        new ExternalAdapter(List.of(script("not-ok", "echo 'not ok 1 - x'\n").toString()))
            .run(suite.root(), any, 1, Duration.ofSeconds(10));
    ScriptOutcome crashed =
        new ExternalAdapter(List.of(script("crash", "exit 3\n").toString()))
            .run(suite.root(), any, 1, Duration.ofSeconds(10));
    ScriptOutcome hung =
        new ExternalAdapter(List.of(script("hang", "sleep 30\n").toString()))
            .run(suite.root(), any, 1, Duration.ofMillis(500));
    assertThat(notOk.completed()).isTrue();
    assertThat(notOk.passed()).isFalse();
    assertThat(crashed.passed()).isFalse();
    assertThat(crashed.failure()).contains("status 3");
    assertThat(hung.passed()).isFalse();
    assertThat(hung.failure()).contains("timed out");
  }

  @Test
  void readsTheDeclaredCapabilitiesAndSaysWhenThereAreNone() throws IOException {
    Path declares =
        script(
            "declares",
            "[ \"$1\" = --capabilities ] && echo 'core spawn' && echo 'policy teleport'\n");
    ExternalAdapter declaring = new ExternalAdapter(List.of(declares.toString()));
    assertThat(declaring.capabilities())
        .containsExactlyInAnyOrder(Capability.CORE, Capability.SPAWN, Capability.POLICY);
    ExternalAdapter silent =
        new ExternalAdapter(
            List.of(script("silent", "echo 'no such option' >&2; exit 2\n").toString()));
    assertThatThrownBy(silent::capabilities)
        .hasMessageContaining("did not declare its capabilities")
        .hasMessageContaining("no such option");
  }

  /** This runtime behind the contract: a JVM per script running {@code conformance-script}. */
  @Test
  void thisRuntimeAsAnAdapterPassesScriptsOfEveryKind() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The --add-opens this JVM got (the build's procgroups.jvm.opens), which Atomix needs.
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens"))
        .forEach(command::add);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "dev.procgroups.cli.ProcgroupsCli",
            "conformance-script"));
    Suite three =
        new Suite(
            suite.root(),
            suite.version(),
            suite.scripts().stream()
                .filter(
                    s ->
                        Set.of("doc_03_join_leave", "perm_02_join", "cluster_membership")
                            .contains(s.id()))
                .toList());
    List<ScriptResult> results =
        new ConformanceRunner(new ExternalAdapter(command), Duration.ofSeconds(90))
            .run(three, List.of(3), Set.of(), r -> System.out.println(Reports.line(r)));
    assertThat(results)
        .hasSize(3)
        .allSatisfy(r -> assertThat(r.passed()).as(Reports.line(r)).isTrue());
  }

  private ConformanceScript find(String id) {
    return suite.scripts().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  private Path script(String name, String body) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/usr/bin/env bash\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
