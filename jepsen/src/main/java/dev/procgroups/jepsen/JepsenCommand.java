package dev.procgroups.jepsen;

import dev.procgroups.cli.Subcommand;
import dev.procgroups.jepsen.harness.JavaCommand;
import dev.procgroups.jepsen.harness.NamespaceCluster;
import dev.procgroups.jepsen.harness.NemesisKind;
import dev.procgroups.jepsen.harness.RunConfig;
import dev.procgroups.jepsen.harness.Runner;
import dev.procgroups.jepsen.harness.Workload;
import dev.procgroups.jepsen.net.Firewall;
import dev.procgroups.jepsen.net.NamespaceUnavailableException;
import dev.procgroups.jepsen.net.NetNamespace;
import dev.procgroups.jepsen.net.NodeAddress;
import dev.procgroups.model.checkers.Validity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code procgroups jepsen}: makes a private network namespace, runs itself again inside it, and
 * there starts the node JVMs, runs each workload with faults, checks the histories and writes the
 * reports. Exit code 0 if every checker says valid, 1 if one says invalid, 2 if the run could not
 * be set up (no namespace: it never touches the host's network), 3 if a verdict is unknown.
 */
@Command(name = "jepsen", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Runs the Jepsen suite: real nodes in a private network namespace, partitions, kills and"
        + " pauses, checked histories and an HTML report. Needs root (or CAP_SYS_ADMIN + CAP_NET_ADMIN),"
        + " iproute2, nftables and setpriv.")
public final class JepsenCommand implements Subcommand, Callable<Integer> {

  static final int SETUP_FAILED = 2;

  @Option(names = "--workload", defaultValue = "all", description = "membership, broadcast, monitor or all")
  String workload;

  @Option(names = "--nodes", defaultValue = "3", description = "node JVMs (default ${DEFAULT-VALUE})")
  int nodes;

  @Option(names = "--time-limit", defaultValue = "30", description = "seconds of operations per workload")
  int timeLimit;

  @Option(names = "--nemesis", defaultValue = "all",
      description = "faults: halves, isolate, ring, bridge, one-way, kill, pause, partition, all, none")
  String nemesis;

  @Option(names = "--rate", defaultValue = "10", description = "operations per second per client")
  double rate;

  @Option(names = "--concurrency", defaultValue = "2", description = "clients per node")
  int concurrency;

  @Option(names = "--groups", defaultValue = "3", description = "groups the workloads use")
  int groups;

  @Option(names = "--fault-every", defaultValue = "6",
      description = "seconds between faults (longer than --settle, or no window checks broadcast completeness)")
  int faultEvery;

  @Option(names = "--fault-for", defaultValue = "4", description = "seconds a fault lasts")
  int faultFor;

  @Option(names = "--settle", defaultValue = "3", description = "seconds after a fault before the cluster counts"
      + " as converged")
  int settle;

  @Option(names = "--quiet", defaultValue = "8", description = "seconds between the final heal and the final reads")
  int quiet;

  @Option(names = "--seed", description = "random seed (default: from the clock)")
  Long seed;

  @Option(names = "--store", defaultValue = "store", description = "root of the run folders")
  Path store;

  @Option(names = "--mutation", split = ",", hidden = true,
      description = "TEST ONLY: run mutant nodes with these ProtocolMutation names")
  List<String> mutations = List.of();

  @Option(names = "--inside", hidden = true, description = "internal: the namespace this JVM was started in")
  String inside;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try {
      return inside == null ? fromOutside() : fromInside();
    } catch (NamespaceUnavailableException e) {
      System.err.println("procgroups jepsen: " + e.getMessage());
      return SETUP_FAILED;
    }
  }

  /** Makes the namespace, runs this command again inside it, deletes the namespace. */
  private int fromOutside() throws Exception {
    List<NodeAddress> addresses = NodeAddress.cluster(nodes);
    try (NetNamespace ns = NetNamespace.create("procgroups-jepsen", addresses)) {
      // The whole command line as typed, "jepsen" included.
      List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
      args.addAll(List.of("--inside", ns.name()));
      Process inner = new ProcessBuilder(ns.command(JavaCommand.procgroups(List.of(), args))).inheritIO().start();
      try {
        return inner.waitFor();
      } finally {
        inner.destroy();
      }
    }
  }

  /** Inside the namespace: firewall, nodes, one run per workload. */
  private int fromInside() throws Exception {
    NetNamespace ns = NetNamespace.joinedByThisProcess(inside);
    List<NodeAddress> addresses = NodeAddress.cluster(nodes);
    Firewall firewall = Firewall.install(ns, addresses);
    List<Validity> verdicts = new ArrayList<>();
    long baseSeed = seed != null ? seed : System.nanoTime();
    for (Workload.Kind kind : workloads()) {
      RunConfig config = new RunConfig(kind, nodes, Duration.ofSeconds(timeLimit), concurrency, rate,
          NemesisKind.parse(nemesis), Duration.ofSeconds(faultEvery), Duration.ofSeconds(faultFor),
          Duration.ofSeconds(settle), Duration.ofSeconds(quiet), groups, baseSeed + kind.ordinal(), store);
      System.out.println("== " + kind.cliName() + ": " + nodes + " nodes, " + timeLimit + " s, nemesis " + nemesis
          + ", seed " + config.seed() + (mutations.isEmpty() ? "" : ", MUTANT NODES " + mutations));
      Path logs = Files.createTempDirectory("procgroups-jepsen-logs");
      System.out.println("node logs: " + logs);
      NamespaceCluster cluster = NamespaceCluster.start(ns, firewall, addresses, logs, nodeArgs());
      Thread stopNodes = new Thread(cluster::close, "stop-nodes");
      Runtime.getRuntime().addShutdownHook(stopNodes);
      try {
        verdicts.add(new Runner(config, cluster, System.out).run().validity());
        deleteCopiedLogs(logs);
      } finally {
        cluster.close();
        firewall.heal();
        Runtime.getRuntime().removeShutdownHook(stopNodes);
      }
    }
    return verdicts.contains(Validity.INVALID) ? 1 : verdicts.contains(Validity.UNKNOWN) ? 3 : 0;
  }

  /** The run folder has copies of the node logs now; on failure they stay where they are. */
  private static void deleteCopiedLogs(Path logs) throws java.io.IOException {
    try (var files = Files.list(logs)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(logs);
  }

  private List<Workload.Kind> workloads() {
    return "all".equals(workload) ? Arrays.asList(Workload.Kind.values())
        : Arrays.stream(workload.split(",")).map(Workload.Kind::parse).toList();
  }

  private List<String> nodeArgs() {
    return mutations.isEmpty() ? List.of() : List.of("--mutation", String.join(",", mutations));
  }
}
