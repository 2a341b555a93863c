package dev.procgroups.jepsen;

import dev.procgroups.cli.JavaCommand;
import dev.procgroups.cli.Subcommand;
import dev.procgroups.jepsen.harness.NamespaceCluster;
import dev.procgroups.jepsen.harness.NemesisKind;
import dev.procgroups.jepsen.harness.RunConfig;
import dev.procgroups.jepsen.harness.Runner;
import dev.procgroups.jepsen.harness.Workload;
import dev.procgroups.jepsen.nemesis.NodeProcess;
import dev.procgroups.jepsen.net.Bandwidth;
import dev.procgroups.jepsen.net.Firewall;
import dev.procgroups.jepsen.net.NamespaceUnavailableException;
import dev.procgroups.jepsen.net.NetNamespace;
import dev.procgroups.jepsen.net.NodeAddress;
import dev.procgroups.jepsen.node.MutantNodeCommand;
import dev.procgroups.model.checkers.Validity;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * reports. Each exit code means one thing: 0 every checker valid, 1 one invalid, 2 the run could
 * not be set up or its environment failed (no namespace: it never touches the host's network; a
 * tool missing, a node that did not start, a full disk for the store), 3 a verdict unknown.
 */
@Command(
    name = "jepsen",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every checker valid",
      "1:a checker found a problem (invalid)",
      "2:setup or environment failure: no namespace (not root), a tool missing, a node that did not"
          + " start, the store not writable or its disk full",
      "3:a verdict is unknown: a checker checked less than 90 %% of what the history offered"
    },
    description =
        "Runs the Jepsen suite: real nodes in a private network namespace, partitions, kills,"
            + " pauses, packet loss, bandwidth limits, full disks, clock and trust-boundary faults,"
            + " checked histories and an HTML"
            + " report. Needs root (or CAP_SYS_ADMIN + CAP_NET_ADMIN), iproute2 (ip, tc),"
            + " nftables, util-linux (setpriv, mount) and, for clock, stale-restart and disk-full,"
            + " libfaketime.")
public final class JepsenCommand implements Subcommand, Callable<Integer> {

  static final int VALID = 0;
  static final int INVALID = 1;
  static final int SETUP_FAILED = 2;
  static final int UNKNOWN = 3;

  @Option(
      names = "--workload",
      defaultValue = "all",
      description = "membership, broadcast, monitor or all")
  String workload;

  @Option(
      names = "--nodes",
      defaultValue = "3",
      description = "node JVMs (default ${DEFAULT-VALUE})")
  int nodes;

  @Option(
      names = "--time-limit",
      defaultValue = "30",
      description = "seconds of operations per workload")
  int timeLimit;

  @Option(
      names = "--nemesis",
      defaultValue = "all",
      description =
          "faults: halves, isolate, ring, bridge, one-way, kill, pause, loss (random packet drops),"
              + " bandwidth (node traffic limited to 32-256 kbit/s, htb), disk-full (a node's data"
              + " directory, a small tmpfs of its own, filled and the node restarted on it),"
              + " stale-restart (a restart with the node's wall clock before its previous start),"
              + " impostor (a node without the secret under a live node's name), clock (a node's"
              + " wall clock jumps 30-300 s); partition (every shape), trust (the last three),"
              + " all (every fault), none")
  String nemesis;

  @Option(
      names = "--overlap",
      description =
          "nest up to three faults of different kinds (a partition during a"
              + " pause during packet loss)")
  boolean overlap;

  @Option(names = "--rate", defaultValue = "10", description = "operations per second per client")
  double rate;

  @Option(names = "--concurrency", defaultValue = "2", description = "clients per node")
  int concurrency;

  @Option(names = "--groups", defaultValue = "3", description = "groups the workloads use")
  int groups;

  @Option(
      names = "--fault-every",
      defaultValue = "6",
      description = "seconds between faults, fractions allowed (0.3: flapping)")
  double faultEvery;

  @Option(
      names = "--fault-for",
      defaultValue = "4",
      description = "seconds a fault lasts, fractions allowed")
  double faultFor;

  // Since the heartbeats share the pooled TCP connections (issue 14), a connection that lost
  // packets during a partition resumes on TCP's next retransmission, up to about the partition's
  // length after the heal: 8 s left runs with nested faults diverged now and then.
  @Option(
      names = "--quiet",
      defaultValue = "15",
      description = "seconds between the final heal and the final reads (the convergence bound)")
  int quiet;

  @Option(names = "--seed", description = "random seed (default: from the clock)")
  Long seed;

  @Option(names = "--store", defaultValue = "store", description = "root of the run folders")
  Path store;

  @Option(
      names = "--mutation",
      split = ",",
      hidden = true,
      description =
          "TEST ONLY: run mutant nodes with these planted bugs (NodeMutant or library names),"
              + " or give the impostor the cluster's secret (IMPOSTOR_KNOWS_SECRET)")
  List<String> mutations = List.of();

  @Option(
      names = "--inside",
      hidden = true,
      description = "internal: the namespace this JVM was started in")
  String inside;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try {
      nodeCommand(); // an unknown --mutation is refused before anything starts
    } catch (IllegalArgumentException e) {
      System.err.println("procgroups jepsen: --mutation: " + e.getMessage());
      return SETUP_FAILED;
    }
    try {
      return inside == null ? fromOutside() : fromInside();
    } catch (NamespaceUnavailableException
        | IOException
        | UncheckedIOException
        | IllegalStateException e) {
      return setupFailed(e);
    }
  }

  /** Exit 2 with the reason: the run could not be carried out, which says nothing of the nodes. */
  static int setupFailed(Exception e) {
    System.err.println("procgroups jepsen: setup or environment failure: " + e.getMessage());
    return SETUP_FAILED;
  }

  /** The exit code of a set of verdicts: invalid wins over unknown, unknown over valid. */
  static int exitCode(List<Validity> verdicts) {
    return verdicts.contains(Validity.INVALID)
        ? INVALID
        : verdicts.isEmpty() || verdicts.contains(Validity.UNKNOWN) ? UNKNOWN : VALID;
  }

  /** Fails early (exit 2) if the store cannot be written, before any node starts. */
  private void probeStore() throws IOException {
    Files.createDirectories(store);
    Path probe = Files.createTempFile(store, ".probe", "");
    try {
      Files.write(probe, new byte[4096]);
    } finally {
      Files.delete(probe);
    }
  }

  /** Makes the namespace, runs this command again inside it, deletes the namespace. */
  private int fromOutside() throws Exception {
    probeStore();
    // One address more than the nodes: the impostor nemesis's.
    try (NetNamespace ns =
        NetNamespace.create("procgroups-jepsen", NodeAddress.cluster(nodes + 1))) {
      // The whole command line as typed, "jepsen" included.
      List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
      args.addAll(List.of("--inside", ns.name()));
      Process inner =
          new ProcessBuilder(ns.command(JavaCommand.procgroups(List.of(), args)))
              .inheritIO()
              .start();
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
    Bandwidth bandwidth = Bandwidth.in(ns);
    boolean fakeClocks = NemesisKind.parse(nemesis).stream().anyMatch(NemesisKind::fakesClocks);
    if (fakeClocks && !Files.exists(NodeProcess.LIBFAKETIME)) {
      throw new NamespaceUnavailableException(
          "the clock, stale-restart and disk-full nemeses need libfaketime ("
              + NodeProcess.LIBFAKETIME
              + "; apt-get install libfaketime)");
    }
    List<Validity> verdicts = new ArrayList<>();
    long baseSeed = seed != null ? seed : System.nanoTime();
    for (Workload.Kind kind : workloads()) {
      RunConfig config =
          new RunConfig(
              kind,
              nodes,
              Duration.ofSeconds(timeLimit),
              concurrency,
              rate,
              NemesisKind.parse(nemesis),
              seconds(faultEvery),
              seconds(faultFor),
              overlap,
              Duration.ofSeconds(quiet),
              groups,
              baseSeed + kind.ordinal(),
              store);
      System.out.println(
          "== "
              + kind.cliName()
              + ": "
              + nodes
              + " nodes, "
              + timeLimit
              + " s, nemesis "
              + nemesis
              + ", seed "
              + config.seed()
              + (mutations.isEmpty() ? "" : ", MUTANT NODES " + mutations));
      // The nodes' logs and data directories, in the store: copied into the run folder at the end.
      Path logs = Files.createTempDirectory(Files.createDirectories(store), ".nodes-");
      System.out.println("node logs: " + logs);
      NamespaceCluster cluster =
          NamespaceCluster.start(
              ns,
              firewall,
              bandwidth,
              addresses,
              logs,
              nodeCommand(),
              config.nemeses(),
              mutations.contains(NamespaceCluster.IMPOSTOR_KNOWS_SECRET));
      Thread stopNodes = new Thread(cluster::close, "stop-nodes");
      Runtime.getRuntime().addShutdownHook(stopNodes);
      try {
        verdicts.add(new Runner(config, cluster, System.out).run().validity());
      } finally {
        cluster.close();
        firewall.heal();
        bandwidth.unlimit();
        Runtime.getRuntime().removeShutdownHook(stopNodes);
      }
      deleteCopiedLogs(logs);
    }
    return exitCode(verdicts);
  }

  private static Duration seconds(double s) {
    return Duration.ofNanos((long) (s * 1e9));
  }

  /**
   * The run folder has copies of the node logs now: the working directory (logs, clocks, data
   * directories) goes. On failure it stays where it is.
   */
  private static void deleteCopiedLogs(Path logs) throws java.io.IOException {
    try (var files = Files.walk(logs)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  private List<Workload.Kind> workloads() {
    return "all".equals(workload)
        ? Arrays.asList(Workload.Kind.values())
        : Arrays.stream(workload.split(",")).map(Workload.Kind::parse).toList();
  }

  /**
   * The subcommand every node JVM runs: the daemon, {@code node}; with planted bugs the same daemon
   * decorated ({@code mutant-node}). An unknown mutation is an {@link IllegalArgumentException}.
   */
  private List<String> nodeCommand() {
    List<String> forNodes =
        mutations.stream().filter(m -> !m.equals(NamespaceCluster.IMPOSTOR_KNOWS_SECRET)).toList();
    return forNodes.isEmpty() ? List.of("node") : MutantNodeCommand.command(forNodes);
  }
}
