package dev.procgroups.bench.lifecycle;

import dev.procgroups.api.GroupName;
import dev.procgroups.api.Member;
import dev.procgroups.api.ProcessGroups;
import dev.procgroups.node.LocalCluster;
import dev.procgroups.node.Node;
import dev.procgroups.security.SecurityPolicy;
import dev.procgroups.transport.atomix.SwimProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code procgroups bench close}: how long {@code Node.close()} takes, and how long until the other
 * nodes no longer list the closed node's member, against the failure detector's limit (what the
 * peers would wait for a node that vanished without a farewell).
 */
@Command(
    name = "close",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Node.close() on loopback: rounds of a fresh cluster whose last node, holding one member,"
            + " is closed; its close() time and the time until every other node dropped the member.")
public final class CloseBenchCommand implements Callable<Integer> {

  private static final long WAIT_LIMIT_NANOS = 30_000_000_000L;

  @Option(names = "--nodes", defaultValue = "3", description = "nodes (default ${DEFAULT-VALUE})")
  int nodes;

  @Option(
      names = "--rounds",
      defaultValue = "20",
      description = "fresh clusters, one close timed in each (default ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--out", description = "also write the Markdown table to this file")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (nodes < 2 || rounds < 1) {
      System.err.println(
          "procgroups bench close: --nodes must be at least 2 and --rounds positive");
      return 2;
    }
    List<Double> closeMillis = new ArrayList<>();
    List<Double> goneMillis = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      double[] timed = oneRound();
      closeMillis.add(timed[0]);
      goneMillis.add(timed[1]);
    }
    String table = report(closeMillis, goneMillis);
    System.out.print(table);
    if (out != null) {
      Files.writeString(out, table, StandardCharsets.UTF_8);
    }
    return 0;
  }

  /** One fresh cluster: {close() ms, ms from close() until every other node dropped the member}. */
  private double[] oneRound() throws Exception {
    try (LocalCluster cluster =
        new LocalCluster(nodes, Map.of("app:pg", Map.of()), SecurityPolicy.allowAll())) {
      Node last = cluster.node(nodes);
      List<ProcessGroups> others = new ArrayList<>();
      for (int i = 1; i < nodes; i++) {
        others.add(ProcessGroups.open(cluster.node(i), "app:pg"));
      }
      GroupName group = GroupName.of("closing");
      Member member = ProcessGroups.open(last, "app:pg").register(delivery -> {});
      member.join(group);
      await(() -> others.stream().allMatch(g -> g.members(group).contains(member.pid())));
      long start = System.nanoTime();
      last.close();
      long closed = System.nanoTime();
      await(() -> others.stream().noneMatch(g -> g.members(group).contains(member.pid())));
      long gone = System.nanoTime();
      return new double[] {(closed - start) / 1e6, (gone - start) / 1e6};
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT_LIMIT_NANOS;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the cluster did not reach the expected view in 30 s");
      }
      Thread.sleep(1);
    }
  }

  private String report(List<Double> closeMillis, List<Double> goneMillis) throws IOException {
    SwimProfile detector = SwimProfile.FAST;
    double limit = detector.probeTimeout().plus(detector.failureTimeout()).toMillis();
    StringBuilder md = new StringBuilder();
    md.append("`procgroups bench close --nodes ")
        .append(nodes)
        .append(" --rounds ")
        .append(rounds)
        .append("` at ")
        .append(Instant.now())
        .append(", JVM ")
        .append(System.getProperty("java.version"))
        .append(", load average ")
        .append(loadAverage())
        .append("\n\n| ms | median | max |\n|---|---|---|\n");
    row(md, "`Node.close()`", closeMillis);
    row(md, "close() start until every other node dropped its member", goneMillis);
    md.append("| the failure detector's limit (no farewell) | ")
        .append(String.format("%.0f", limit))
        .append(" | |\n");
    return md.toString();
  }

  private static void row(StringBuilder md, String what, List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    md.append(
        String.format(
            "| %s | %.1f | %.1f |%n",
            what, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1)));
  }

  private static String loadAverage() throws IOException {
    Path load = Path.of("/proc/loadavg");
    return Files.exists(load) ? Files.readString(load).split(" ", 4)[0] : "unknown";
  }
}
