package dev.procgroups.bench.cluster;

import java.util.Locale;
import java.util.Map;

/**
 * The Markdown note for a {@link ClusterReport}: the table per shape next to the Erlang figures
 * quoted in issue 4 (measured there on this kind of 2-core machine with N = 100,000).
 */
final class MarkdownReport {
  static final double TARGET_JOINS_PER_S = 100_000;

  /** Erlang pg / syn joins per second by group count, as quoted in issue 4 (N = 100,000). */
  private static final Map<Integer, String> ERLANG_PG =
      Map.of(100_000, "~49k", 10, "~2.4k", 1, "never finishes in 500 s (< 0.2k)");

  private static final Map<Integer, String> SYN = Map.of(1, "~31k");

  private MarkdownReport() {}

  static String render(ClusterReport r) {
    StringBuilder md = new StringBuilder();
    md.append("# Cluster benchmark\n\n")
        .append(
            "1 observer node (the benchmark's JVM) + 2 worker node JVMs, real Atomix on 127.0.0.1 ")
        .append(r.settings().tls() ? "with TLS" : "in plaintext")
        .append(", ")
        .append(r.settings().concurrency())
        .append(" joining threads per worker, ")
        .append(r.settings().warmupRounds())
        .append(" warm-up round(s) of all-join + ")
        .append("all-leave per shape in other groups (fresh worker JVMs per shape; the first ")
        .append("round's join is the *cold* figure, before the JITs compiled the hot paths). ")
        .append("Every rate is ")
        .append(
            "slots per second of wall time from the command to the workers until the observer's ")
        .append("view is complete (propagation included).\n\n")
        .append("- Date: ")
        .append(r.date())
        .append('\n')
        .append("- Machine: ")
        .append(r.machine().cores())
        .append(" cores, ")
        .append(r.machine().os())
        .append(", JDK ")
        .append(r.machine().jdk())
        .append(", 1-minute load average ")
        .append(fmt(r.machine().loadAverageAtStart()))
        .append(" at start, ")
        .append(fmt(r.machine().loadAverageAtEnd()))
        .append(" at end\n")
        .append("- Command: `")
        .append(r.command())
        .append("`\n\n")
        .append("| groups | processes | joins/s | cold joins/s | join seen (ms) ")
        .append("| workers' own joins (ms) ")
        .append("| join CPU, 3 JVMs (ms) | leaves/s ")
        .append("| re-joins/s | kill -9 → leave seen, slots/s (ms) ")
        .append("| Erlang pg joins/s | syn joins/s | ≥ 100k joins/s |\n")
        .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|\n");
    for (ShapeResult s : r.shapes()) {
      md.append("| ")
          .append(count(s.groups()))
          .append(" | ")
          .append(count(s.processes()))
          .append(" | ")
          .append(count(s.joinsPerS()))
          .append(" | ")
          .append(count(s.coldJoinsPerS()))
          .append(" | ")
          .append(fmt(s.joinMs()))
          .append(" | ")
          .append(fmt(s.joinLocalMs()))
          .append(" | ")
          .append(fmt(s.joinCpuMs()))
          .append(" | ")
          .append(count(s.leavesPerS()))
          .append(" | ")
          .append(count(s.rejoinsPerS()))
          .append(" | ")
          .append(count(s.killLeavesPerS()))
          .append(" (")
          .append(fmt(s.killLeaveMs()))
          .append(") | ")
          .append(s.processes() == 100_000 ? ERLANG_PG.getOrDefault(s.groups(), "–") : "–")
          .append(" | ")
          .append(s.processes() == 100_000 ? SYN.getOrDefault(s.groups(), "–") : "–")
          .append(" | ")
          .append(s.joinsPerS() >= TARGET_JOINS_PER_S ? "yes" : "**no**")
          .append(" |\n");
    }
    ClusterReport.Latency l = r.joinLatencyAtRest();
    ClusterReport.Broadcast b = r.broadcast();
    md.append("\n- Propagation latency of one join at rest (worker → observer's monitor event, ")
        .append(l.samples())
        .append(" samples after ")
        .append(r.settings().warmupRounds() * l.samples())
        .append(" untimed): p50 ")
        .append(fmt(l.p50Us()))
        .append(" µs, p99 ")
        .append(fmt(l.p99Us()))
        .append(" µs, max ")
        .append(fmt(l.maxUs()))
        .append(" µs\n")
        .append("- Broadcast: ")
        .append(b.messages())
        .append(" broadcasts to ")
        .append(count(b.members()))
        .append(" members over 3 nodes: ")
        .append(count(b.deliveries()))
        .append(" deliveries in ")
        .append(fmt(b.millis()))
        .append(" ms = ")
        .append(count(b.deliveriesPerS()))
        .append(" deliveries/s\n")
        .append("- Failure detection: `kill -9` of a worker → the observer no longer sees its ")
        .append(count(r.failureDetection().slots()))
        .append(" slots after ")
        .append(fmt(r.failureDetection().millis()))
        .append(" ms\n")
        .append("- Partition heal: ")
        .append(heal(r.partitionHeal()))
        .append('\n');
    return md.toString();
  }

  private static String heal(ClusterReport.PartitionHeal h) {
    if (!h.measured()) {
      return "not measured (" + h.note() + ")";
    }
    return count(h.slotsPerSide())
        + " slots per side in "
        + count(h.groups())
        + " groups ("
        + h.note()
        + "): each side dropped the other's slots "
        + fmt(h.splitMs())
        + " ms after the cut; every node saw all slots again "
        + fmt(h.convergeMs())
        + " ms after the heal";
  }

  private static String count(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
