package dev.procgroups.jepsen.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.jepsen.harness.InMemoryCluster.Bug;
import dev.procgroups.model.checkers.CheckResult;
import dev.procgroups.model.checkers.Validity;
import dev.procgroups.model.history.HistoryEdn;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness pipeline end to end against an in-memory cluster behind real control servers: a
 * consistent table passes every checker, and each planted bug makes its checker say invalid. (The
 * runs against real node JVMs in a namespace are in the jepsen subcommand's tests.)
 */
class RunnerTest {

  @TempDir Path store;

  @Test
  void aConsistentClusterPassesEveryWorkloadAndTheStoreHoldsEverything() throws Exception {
    for (Workload.Kind kind : Workload.Kind.values()) {
      Runner.Outcome o = run(kind, Bug.NONE);
      assertThat(o.results())
          .as(kind + ": " + o.results())
          .allSatisfy(r -> assertThat(r.validity()).isEqualTo(Validity.VALID));
      for (String file :
          new String[] {
            "history.edn",
            "results.edn",
            "results.json",
            "report.html",
            "latency.png",
            "throughput.png",
            "timeline.png"
          }) {
        assertThat(o.dir().resolve(file)).isNotEmptyFile();
      }
      assertThat(HistoryEdn.read(Files.readString(o.dir().resolve("history.edn"))).size())
          .isGreaterThan(20);
      assertThat(Files.readString(o.dir().resolve("results.edn"))).contains(":valid? true");
    }
  }

  @Test
  void aDuplicatedBroadcastIsFlagged() throws Exception {
    assertThat(verdict(run(Workload.Kind.BROADCAST, Bug.DUPLICATE_BROADCAST), "broadcast"))
        .isEqualTo(Validity.INVALID);
  }

  @Test
  void aLeaveWithoutAnEventIsFlaggedAsDrift() throws Exception {
    assertThat(verdict(run(Workload.Kind.MONITOR, Bug.SILENT_LEAVE), "monitor"))
        .isEqualTo(Validity.INVALID);
  }

  @Test
  void aKilledProcessWhoseSlotsSurviveIsFlagged() throws Exception {
    Runner.Outcome o = run(Workload.Kind.MEMBERSHIP, Bug.KILL_KEEPS_SLOTS);
    assertThat(verdict(o, "convergence")).isEqualTo(Validity.INVALID);
    assertThat(Files.readString(o.dir().resolve("results.json"))).contains("dead-slot");
  }

  private Runner.Outcome run(Workload.Kind kind, Bug bug) throws Exception {
    RunConfig config =
        new RunConfig(
            kind,
            2,
            Duration.ofSeconds(2),
            2,
            40,
            Set.of(),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            false,
            Duration.ofMillis(100),
            2,
            42,
            store);
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try (InMemoryCluster cluster = new InMemoryCluster(2, bug);
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8)) {
      Runner.Outcome o = new Runner(config, cluster, out).run();
      assertThat(console.toString(StandardCharsets.UTF_8)).contains("report: ", "valid? ");
      return o;
    }
  }

  private static Validity verdict(Runner.Outcome o, String checker) {
    return o.results().stream()
        .filter(r -> r.checker().equals(checker))
        .map(CheckResult::validity)
        .findFirst()
        .orElseThrow();
  }
}
