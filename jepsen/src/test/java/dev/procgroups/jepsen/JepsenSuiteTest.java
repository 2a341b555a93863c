package dev.procgroups.jepsen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.cli.ProcgroupsCli;
import dev.procgroups.jepsen.net.RootTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bounded Jepsen run of CI, end to end through {@code procgroups jepsen}: three real node JVMs
 * in a private namespace, partitions, kills and pauses, all three workloads, every checker valid.
 * Then mutant node builds, each of which its checker must flag invalid. Root only (skipped with the
 * reason otherwise); stores under {@code target/jepsen-store}.
 */
class JepsenSuiteTest {

  private static final Path STORE = Path.of("target", "jepsen-store");

  @Test
  void boundedRunOfEveryWorkloadUnderFaultsIsValid() throws IOException {
    RootTools.assume();
    // Faults 3 s long every 6 s, nested with --overlap: fault-free windows in which completeness
    // counts.
    int exit =
        jepsen(
            "--workload",
            "all",
            "--time-limit",
            "20",
            "--fault-every",
            "6",
            "--fault-for",
            "3",
            "--quiet",
            "15",
            "--nemesis",
            "halves,isolate,one-way,ring,kill,pause,loss",
            "--overlap",
            "--seed",
            "7");
    assertThat(exit).as("exit code (0 valid, 1 invalid, 2 setup, 3 unknown)").isZero();
    for (String workload : List.of("membership", "broadcast", "monitor")) {
      Path run = latest(workload);
      assertThat(Files.readString(run.resolve("results.edn"))).contains(":valid? true");
      assertThat(run.resolve("report.html")).isNotEmptyFile();
      assertThat(run.resolve("n1.log")).isNotEmptyFile();
      assertThat(Files.readString(run.resolve("history.edn"))).contains(":process :nemesis");
    }
    assertThat(Files.readString(latest("broadcast").resolve("results.json")))
        .as("broadcasts inside whole windows were checked for completeness")
        .containsPattern("\"pairs-decided\" : [1-9]");
  }

  /**
   * The trust-boundary faults: a restart with a smaller incarnation, an impostor without the secret
   * under a live node's name. The code before issue 14 fails them (the restarted node is locked
   * out, the impostor evicts the node it names), so they run only with {@code
   * -Dprocgroups.jepsen.trust=true}, until issue 14 lands and the lead switches them on.
   */
  @Test
  void trustBoundaryFaultsLeaveTheClusterValid() throws IOException {
    RootTools.assume();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Boolean.getBoolean("procgroups.jepsen.trust"),
        "trust-boundary faults fail until issue 14 lands; run with -Dprocgroups.jepsen.trust=true");
    int exit =
        jepsen(
            "--workload",
            "membership,broadcast",
            "--time-limit",
            "15",
            "--fault-every",
            "2",
            "--fault-for",
            "3",
            "--quiet",
            "15",
            "--nemesis",
            "trust",
            "--seed",
            "13");
    assertThat(exit).as("exit code (0 valid, 1 invalid, 2 setup, 3 unknown)").isZero();
  }

  @Test
  void mutantNodesAreFlaggedInvalid() throws IOException {
    RootTools.assume();
    assertMutantFlagged("broadcast", "DOUBLE_BROADCAST", "duplicate", "none", 6);
    assertMutantFlagged("membership", "KILL_LEAVES_SLOTS", "dead-slot", "none", 6);
    assertMutantFlagged("monitor", "HIDE_MONITOR_EVENTS", "drift", "none", 6);
  }

  private static void assertMutantFlagged(
      String workload, String mutation, String problem, String nemesis, int seconds)
      throws IOException {
    // (The planted bug SKIP_DOWN_CLEANUP with kills was flagged in one run of two: too unsteady
    // for CI.)
    int exit =
        jepsen(
            "--workload",
            workload,
            "--time-limit",
            Integer.toString(seconds),
            "--nemesis",
            nemesis,
            "--fault-every",
            "2",
            "--fault-for",
            "3",
            "--quiet",
            "3",
            "--seed",
            "11",
            "--mutation",
            mutation);
    assertThat(exit).as(workload + " with " + mutation).isEqualTo(1);
    assertThat(Files.readString(latest(workload).resolve("results.json"))).contains(problem);
  }

  private static int jepsen(String... options) {
    List<String> args =
        new ArrayList<>(List.of("jepsen", "--nodes", "3", "--store", STORE.toString()));
    args.addAll(List.of(options));
    return ProcgroupsCli.commandLine().execute(args.toArray(String[]::new));
  }

  private static Path latest(String workload) throws IOException {
    try (Stream<Path> runs = Files.list(STORE.resolve(workload))) {
      return runs.max(Path::compareTo).orElseThrow();
    }
  }
}
