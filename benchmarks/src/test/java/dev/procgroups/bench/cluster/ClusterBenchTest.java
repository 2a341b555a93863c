package dev.procgroups.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's machinery end to end with a tiny N: real worker JVMs, every phase, the JSON and
 * Markdown files, with TLS between the nodes. Checks that the run completes and its counts add up,
 * never its speed.
 */
@Timeout(150)
class ClusterBenchTest {

  @Test
  void aTinyRunMeasuresEveryPhaseAndWritesEveryField(@TempDir Path dir) throws Exception {
    ClusterBenchSettings settings =
        new ClusterBenchSettings(2_000, List.of(10), 4, 1, 60, 10, 30, 5, 0, 1, true);
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    ClusterReport report =
        new ClusterBench(
                settings, List.of(), new PrintStream(progress, true, StandardCharsets.UTF_8))
            .run("test");
    Path json = dir.resolve("cluster.json");
    ReportFiles.writeJson(report, json);
    ReportFiles.writeMarkdown(report, dir.resolve("cluster.md"));

    JsonNode root = new ObjectMapper().readTree(json.toFile());
    for (String key :
        List.of(
            "date",
            "command",
            "machine",
            "shapes",
            "join_latency_at_rest",
            "broadcast",
            "failure_detection",
            "partition_heal")) {
      assertThat(root.has(key)).as(key).isTrue();
    }
    assertThat(root.path("settings").path("tls").asBoolean()).as("TLS recorded").isTrue();
    assertThat(Files.readString(dir.resolve("cluster.md"))).contains("with TLS");
    assertThat(root.path("machine").path("cores").asInt()).isPositive();
    assertThat(root.path("machine").path("jdk").asText()).isNotEmpty();
    JsonNode shape = root.path("shapes").get(0);
    assertThat(shape.path("groups").asInt()).isEqualTo(10);
    assertThat(shape.path("processes").asInt()).isEqualTo(2_000);
    assertThat(shape.path("killed_slots").asInt()).as("worker 1 held half").isEqualTo(1_000);
    for (String rate :
        List.of(
            "joins_per_s",
            "cold_joins_per_s",
            "leaves_per_s",
            "rejoins_per_s",
            "kill_leaves_per_s",
            "join_cpu_ms",
            "join_observer_cpu_ms",
            "leave_cpu_ms",
            "rejoin_cpu_ms")) {
      assertThat(shape.path(rate).asDouble()).as(rate).isPositive();
    }
    assertThat(root.path("join_latency_at_rest").path("samples").asInt()).isEqualTo(10);
    assertThat(root.path("join_latency_at_rest").path("p99_us").asDouble())
        .isGreaterThanOrEqualTo(root.path("join_latency_at_rest").path("p50_us").asDouble());
    JsonNode broadcast = root.path("broadcast");
    assertThat(broadcast.path("deliveries").asLong())
        .as("every member got every message")
        .isEqualTo(30L * 5);
    assertThat(root.path("failure_detection").path("slots").asInt())
        .as("worker 1's probe and its third of the broadcast members")
        .isEqualTo(1 + 10);
    assertThat(root.path("partition_heal").path("measured").asBoolean())
        .as("skipped here")
        .isFalse();
    assertThat(ReportFiles.readJson(json)).isEqualTo(report);
    assertThat(Files.readString(dir.resolve("cluster.md"))).contains("| 10 | 2,000 |");
  }

  @Test
  void expectedSlotsFollowTheLayout() {
    ExpectedSlots afterKill = ExpectedSlots.of("g", 3, 5, 10);
    assertThat(afterKill.total()).isEqualTo(5);
    assertThat(afterKill.byGroup())
        .as("indices 5..9 mod 3")
        .isEqualTo(java.util.Map.of("g0", 2, "g1", 1, "g2", 2));
    assertThat(ExpectedSlots.none("g", 3).byGroup())
        .containsOnlyKeys("g0", "g1", "g2")
        .allSatisfy((group, n) -> assertThat(n).isZero());
  }
}
