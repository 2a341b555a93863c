package dev.procgroups.bench.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code procgroups bench cluster}: runs {@link ClusterBench} and writes its JSON and Markdown. */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "The cluster benchmark of issue 4: 1 observer + 2 worker JVMs on 127.0.0.1,"
            + " joins/leaves/re-joins/kill per shape, join latency, broadcast fan-out, failure"
            + " detection.")
public final class ClusterBenchCommand implements Callable<Integer> {

  @Option(
      names = "--processes",
      defaultValue = "100000",
      description = "processes N, split over the two workers (default ${DEFAULT-VALUE})")
  int processes;

  @Option(
      names = "--shapes",
      defaultValue = "100000,1000,10,1",
      split = ",",
      description = "group counts N is spread over (default ${DEFAULT-VALUE})")
  List<Integer> shapes;

  @Option(
      names = "--concurrency",
      defaultValue = "100",
      description = "joining threads per worker (default ${DEFAULT-VALUE})")
  int concurrency;

  @Option(
      names = "--warmup-rounds",
      defaultValue = "5",
      description =
          "all-join + all-leave rounds per shape first, in other groups, so that the"
              + " JITs have compiled the hot paths; the first round's join is reported as the cold"
              + " figure (default ${DEFAULT-VALUE})")
  int warmupRounds;

  @Option(
      names = "--phase-timeout",
      defaultValue = "120",
      description = "seconds any phase may take before the run fails (default ${DEFAULT-VALUE})")
  int phaseTimeout;

  @Option(
      names = "--latency-samples",
      defaultValue = "200",
      description = "single joins timed at rest (default ${DEFAULT-VALUE})")
  int latencySamples;

  @Option(
      names = "--broadcast-members",
      defaultValue = "10000",
      description = "members of the broadcast group over the 3 nodes (default ${DEFAULT-VALUE})")
  int broadcastMembers;

  @Option(
      names = "--broadcast-messages",
      defaultValue = "100",
      description = "broadcasts sent to them (default ${DEFAULT-VALUE})")
  int broadcastMessages;

  @Option(
      names = "--partition-slots",
      defaultValue = "100000",
      description =
          "slots on each side of the partition-heal run, 0 to skip it; needs root for"
              + " a private network namespace and nftables (default ${DEFAULT-VALUE})")
  int partitionSlots;

  @Option(
      names = "--partition-groups",
      defaultValue = "1000",
      description = "groups those slots are spread over (default ${DEFAULT-VALUE})")
  int partitionGroups;

  @Option(
      names = "--tls",
      description = "TLS between the nodes, from a CA made for the run (default: plaintext)")
  boolean tls;

  @Option(
      names = "--worker-jvm-option",
      description = "an extra JVM option for the worker JVMs, repeatable (e.g. to profile them)")
  List<String> workerJvmOptions = List.of();

  @Option(
      names = "--out",
      defaultValue = "bench/results/cluster.json",
      description = "JSON results (default ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--markdown", description = "also write the Markdown table here")
  Path markdown;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ClusterBenchSettings settings =
        new ClusterBenchSettings(
            processes,
            shapes,
            concurrency,
            warmupRounds,
            phaseTimeout,
            latencySamples,
            broadcastMembers,
            broadcastMessages,
            partitionSlots,
            partitionGroups,
            tls);
    String command =
        "./procgroups " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    try {
      ClusterReport report =
          new ClusterBench(settings, workerJvmOptions, System.err).run(command.strip());
      ReportFiles.writeJson(report, out);
      System.out.println("wrote " + out);
      if (markdown != null) {
        ReportFiles.writeMarkdown(report, markdown);
        System.out.println("wrote " + markdown);
      }
      return 0;
    } catch (BenchFailure e) {
      System.err.println("bench cluster failed: " + e.getMessage());
      return 1;
    }
  }
}
