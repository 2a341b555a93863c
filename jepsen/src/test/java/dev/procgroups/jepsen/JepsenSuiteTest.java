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
 * in a private namespace, partitions, kills, pauses, packet loss, a full disk and the
 * trust-boundary faults (a clock step among them), all three workloads, every checker valid. Then
 * mutant node builds, each of which its checker must flag invalid. Root only (skipped with the
 * reason otherwise); stores under {@code target/jepsen-store}.
 */
class JepsenSuiteTest {

  private static final Path STORE = Path.of("target", "jepsen-store");

  @Test
  void boundedRunOfEveryWorkloadUnderFaultsIsValid() throws IOException {
    RootTools.assume();
    // Faults 3 s long every 3 s, nested with --overlap: fault-free windows in which completeness
    // counts. Seed 124's schedule (about 2 min for the three workloads) has a pause, a partition
    // and a kill nested; a full disk; an impostor; loss during a kill and a restart with the clock
    // stepped back; a clock jump (which does not end a fault-free window: nothing may notice it).
    int exit =
        jepsen(
            "--workload",
            "all",
            "--time-limit",
            "20",
            "--fault-every",
            "3",
            "--fault-for",
            "3",
            "--quiet",
            "15",
            "--nemesis",
            "halves,isolate,one-way,ring,kill,pause,loss,trust,disk-full",
            "--overlap",
            "--seed",
            "124");
    assertThat(exit).as("exit code (0 valid, 1 invalid, 2 setup, 3 unknown)").isZero();
    StringBuilder faults = new StringBuilder();
    for (String workload : List.of("membership", "broadcast", "monitor")) {
      Path run = latest(workload);
      assertThat(Files.readString(run.resolve("results.edn"))).contains(":valid? true");
      assertThat(run.resolve("report.html")).isNotEmptyFile();
      assertThat(run.resolve("n1.log")).isNotEmptyFile();
      faults.append(Files.readString(run.resolve("history.edn")));
    }
    assertThat(faults)
        .as("the new faults were in the schedule")
        .contains(
            ":f :start-loss",
            ":f :start-stale",
            ":f :start-impostor",
            ":f :start-clock",
            ":f :start-disk-full");
    assertThat(Files.readString(latest("broadcast").resolve("results.json")))
        .as("broadcasts inside whole windows were checked for completeness")
        .containsPattern("\"pairs-decided\" : [1-9]");
  }

  @Test
  void mutantNodesAreFlaggedInvalid() throws IOException {
    RootTools.assume();
    assertMutantFlagged("broadcast", "DOUBLE_BROADCAST", "duplicate", "none", 6, 3);
    assertMutantFlagged("membership", "KILL_LEAVES_SLOTS", "dead-slot", "none", 6, 3);
    assertMutantFlagged("monitor", "HIDE_MONITOR_EVENTS", "drift", "none", 6, 3);
    // The code before issue 14 (no incarnation file): a restart with the clock stepped back takes
    // a smaller incarnation and stays locked out. The full quiet period: the correct code
    // converges within it (boundedRunOfEveryWorkloadUnderFaultsIsValid), so the mutant is why.
    assertMutantFlagged("membership", "IGNORE_DATA_DIR", "diverged", "stale-restart", 6, 15);
    // A node that starts on a full data directory without recording its incarnation takes a
    // smaller one at its next start (clock stepped back) and stays locked out.
    assertMutantFlagged("membership", "IGNORE_FULL_DISK", "diverged", "disk-full", 6, 15);
    // An impostor that authentication let in (it has the cluster's secret) evicts the node it
    // names.
    assertMutantFlagged("membership", "IMPOSTOR_KNOWS_SECRET", "diverged", "impostor", 6, 15);
    // Durations on the wall clock: a clock step makes a node drop every peer's slots for a moment,
    // and its broadcasts then miss receivers its view had shown (a clock step is no fault to the
    // broadcast checker's windows).
    assertMutantFlagged("broadcast", "WALL_CLOCK_TIMEOUTS", "missed", "clock", 6, 3);
  }

  private static void assertMutantFlagged(
      String workload, String mutation, String problem, String nemesis, int seconds, int quiet)
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
            Integer.toString(quiet),
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
