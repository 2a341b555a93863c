package dev.procgroups.jepsen.harness;

import dev.procgroups.cli.JavaCommand;
import dev.procgroups.daemon.NodeCommand;
import dev.procgroups.daemon.control.NodeStatus;
import dev.procgroups.daemon.control.PgCallException;
import dev.procgroups.jepsen.control.ControlClient;
import dev.procgroups.jepsen.control.IndeterminateException;
import dev.procgroups.jepsen.nemesis.FaultInjector;
import dev.procgroups.jepsen.nemesis.Nemesis;
import dev.procgroups.jepsen.nemesis.NodeProcess;
import dev.procgroups.jepsen.nemesis.SmallDisk;
import dev.procgroups.jepsen.net.Bandwidth;
import dev.procgroups.jepsen.net.Firewall;
import dev.procgroups.jepsen.net.NetNamespace;
import dev.procgroups.jepsen.net.NodeAddress;
import dev.procgroups.transport.atomix.SwimProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Real node JVMs ({@code procgroups node}) in the run's namespace, each on its own loopback address
 * and group id, with the nemesis over their processes and the namespace's firewall. The harness
 * must run inside the namespace too: the control endpoints are on its loopback.
 */
public final class NamespaceCluster implements Cluster {

  static final int CLUSTER_PORT = 7000;
  static final int CONTROL_PORT = 8000;
  // Seven JVMs starting at once on a loaded two-core machine took more than 90 s.
  private static final Duration READY_WITHIN = Duration.ofSeconds(240);

  /** Small, quick-starting node JVMs: several share two cores with the harness. */
  private static final List<String> NODE_JVM =
      List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  private final List<NodeAddress> nodes;
  private final Path logs;
  private final Map<String, NodeProcess> processes = new LinkedHashMap<>();
  private final Map<String, ControlClient> clients = new LinkedHashMap<>();

  /**
   * TEST ONLY ({@code --mutation IMPOSTOR_KNOWS_SECRET}, taken by the harness, not the nodes): the
   * impostor gets the cluster's secret, as if authentication let it in; the checkers must notice.
   */
  public static final String IMPOSTOR_KNOWS_SECRET = "IMPOSTOR_KNOWS_SECRET";

  private final Map<String, SmallDisk> disks = new LinkedHashMap<>();
  private final Nemesis nemesis;

  private NamespaceCluster(
      NetNamespace ns,
      Firewall firewall,
      Bandwidth bandwidth,
      List<NodeAddress> nodes,
      Path logs,
      List<String> nodeCommand,
      boolean smallDisks,
      boolean impostorKnowsSecret) {
    this.nodes = nodes;
    this.logs = logs;
    String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    // One cluster secret per run: the nodes authenticate every message with it.
    String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
    // And TLS between the nodes, from a CA made for this run.
    RunCertificates certificates = RunCertificates.create(logs.resolve("tls"));
    HttpClient http = ControlClient.newHttpClient();
    for (NodeAddress n : nodes) {
      List<String> tls = certificates.issue(n.name(), n.name());
      String seeds =
          nodes.stream()
              .filter(o -> o != n)
              .map(o -> o.name() + "@" + o.ip() + ":" + CLUSTER_PORT)
              .collect(Collectors.joining(","));
      processes.put(
          n.name(),
          new NodeProcess(
              ns,
              n,
              () -> {
                List<String> args = new ArrayList<>(nodeCommand);
                args.addAll(
                    List.of(
                        "--name",
                        n.name(),
                        "--bind",
                        n.ip() + ":" + CLUSTER_PORT,
                        "--control",
                        n.ip() + ":" + CONTROL_PORT,
                        "--data-dir",
                        dataDir(n.name()).toString()));
                if (!seeds.isEmpty()) {
                  args.addAll(List.of("--seeds", seeds));
                }
                args.addAll(tls);
                return JavaCommand.procgroups(NODE_JVM, args);
              },
              logs.resolve(n.name() + ".log"),
              Map.of(NodeCommand.TOKEN_ENV, token, NodeCommand.SECRET_ENV, secret)));
      clients.put(
          n.name(),
          new ControlClient(
              http,
              URI.create("http://" + n.ip() + ":" + CONTROL_PORT),
              token,
              Duration.ofSeconds(5)));
    }
    if (smallDisks) {
      nodes.forEach(n -> disks.put(n.name(), SmallDisk.mount(dataDir(n.name()))));
    }
    this.nemesis =
        new Nemesis(
            firewall,
            bandwidth,
            disks,
            List.copyOf(processes.values()),
            p -> awaitReady(p.node().name()),
            victim ->
                impostor(
                    ns,
                    victim,
                    logs,
                    token,
                    impostorKnowsSecret ? secret : null,
                    certificates.issue("impostor-" + victim, victim)),
            this::awaitPeersUp);
  }

  /**
   * The nodes' failure detector ({@code procgroups node}'s default, fast profile) declares a peer
   * down after this much silence.
   */
  private static final Duration SILENCE_LIMIT =
      SwimProfile.FAST.probeTimeout().plus(SwimProfile.FAST.failureTimeout());

  private static final Duration PEERS_UP_WITHIN = Duration.ofSeconds(15);

  /**
   * After a degraded link is restored: waits out the failure detector's silence limit (a silence
   * that began during the fault ends in a down by then), then until each of {@code live} hears
   * every other one, as its {@code /status} says (at most {@link #PEERS_UP_WITHIN}). Decided from
   * what the nodes observed, so the fault-free window after it starts with their views whole.
   */
  private String awaitPeersUp(List<NodeProcess> live) {
    long started = System.nanoTime();
    sleep(SILENCE_LIMIT.plusMillis(200).toMillis()); // and a margin for a loaded machine
    long deadline = started + PEERS_UP_WITHIN.toNanos();
    List<String> names = live.stream().map(p -> p.node().name()).toList();
    String deaf = "";
    while (System.nanoTime() < deadline) {
      deaf = deafPeers(names);
      if (deaf.isEmpty()) {
        return String.format(
            java.util.Locale.ROOT,
            "every node heard every other %.1f s after",
            (System.nanoTime() - started) / 1e9);
      }
      sleep(100);
    }
    return "not every node heard every other within " + PEERS_UP_WITHIN + ": " + deaf;
  }

  /** Who of {@code names} does not hear whom now, as {@code "n1 not n2, n3"}; empty if all do. */
  private String deafPeers(List<String> names) {
    List<String> deaf = new ArrayList<>();
    for (String n : names) {
      java.util.Set<String> heard = heardBy(n);
      List<String> missing =
          names.stream().filter(o -> !o.equals(n) && !heard.contains(o)).toList();
      if (!missing.isEmpty()) {
        deaf.add(n + " not " + String.join(", ", missing));
      }
    }
    return String.join("; ", deaf);
  }

  /** The peers {@code node}'s {@code /status} lists as up; none if it does not answer. */
  private java.util.Set<String> heardBy(String node) {
    try {
      return clients.get(node).status().peers().stream()
          .map(NodeStatus.Peer::name)
          .collect(Collectors.toSet());
    } catch (IndeterminateException | PgCallException | IllegalStateException e) {
      return java.util.Set.of();
    }
  }

  /**
   * A node JVM under {@code victim}'s name on the spare address (the one after the nodes'), with a
   * secret of its own: it does not know the cluster's. It does hold a certificate of the run's CA
   * naming the victim ({@code tls}: the worst case for TLS, a stolen certificate), so it is the
   * secret that keeps it out. Its incarnation is the clock's (no data directory), larger than the
   * victim's unless the victim's clock ran ahead, so a cluster that believed it would prefer it.
   * Returned running: started, and answering on its control endpoint.
   */
  private NodeProcess impostor(
      NetNamespace ns,
      String victim,
      Path logs,
      String token,
      String clusterSecret,
      List<String> tls) {
    NodeAddress spare = NodeAddress.cluster(nodes.size() + 1).get(nodes.size());
    String seeds =
        nodes.stream()
            .map(o -> o.name() + "@" + o.ip() + ":" + CLUSTER_PORT)
            .collect(Collectors.joining(","));
    String ownSecret =
        clusterSecret != null
            ? clusterSecret
            : HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
    NodeProcess p =
        new NodeProcess(
            ns,
            new NodeAddress(victim, spare.ip(), spare.index()),
            () -> {
              List<String> args =
                  new ArrayList<>(
                      List.of(
                          "node",
                          "--name",
                          victim,
                          "--bind",
                          spare.ip() + ":" + CLUSTER_PORT,
                          "--control",
                          spare.ip() + ":" + CONTROL_PORT,
                          "--seeds",
                          seeds));
              args.addAll(tls);
              return JavaCommand.procgroups(NODE_JVM, args);
            },
            logs.resolve("impostor.log"),
            Map.of(NodeCommand.TOKEN_ENV, token, NodeCommand.SECRET_ENV, ownSecret));
    p.start();
    awaitReady(
        p,
        new ControlClient(
            ControlClient.newHttpClient(),
            URI.create("http://" + spare.ip() + ":" + CONTROL_PORT),
            token,
            Duration.ofSeconds(5)));
    return p;
  }

  /**
   * Starts every node and waits until each answers on its control endpoint. The namespace must have
   * one address more than there are nodes: the impostor nemesis's.
   *
   * @param nodeCommand the subcommand that runs a node, its options to follow: {@code node}, or a
   *     test-only {@code mutant-node} with its planted bugs
   * @param impostorKnowsSecret TEST ONLY: see {@link #IMPOSTOR_KNOWS_SECRET}
   * @param nemeses the faults the run schedules: the clock ones need every node under libfaketime,
   *     the full disk every data directory on a small disk of its own
   */
  public static NamespaceCluster start(
      NetNamespace ns,
      Firewall firewall,
      Bandwidth bandwidth,
      List<NodeAddress> nodes,
      Path logs,
      List<String> nodeCommand,
      java.util.Set<NemesisKind> nemeses,
      boolean impostorKnowsSecret) {
    NamespaceCluster cluster =
        new NamespaceCluster(
            ns,
            firewall,
            bandwidth,
            nodes,
            logs,
            nodeCommand,
            nemeses.contains(NemesisKind.DISK_FULL),
            impostorKnowsSecret);
    try {
      if (nemeses.stream().anyMatch(NemesisKind::fakesClocks)) {
        cluster
            .processes
            .values()
            .forEach(p -> p.withFakeClock(logs.resolve(p.node().name() + ".clock")));
      }
      cluster.processes.values().forEach(NodeProcess::start);
      nodes.forEach(n -> cluster.awaitReady(n.name()));
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /**
   * The node's data directory (its incarnation file), in the cluster's working directory: kept
   * across restarts, so each start's incarnation is larger than the last whatever the clock does.
   */
  Path dataDir(String node) {
    return logs.resolve("data").resolve(node).toAbsolutePath();
  }

  private void awaitReady(String node) {
    awaitReady(processes.get(node), clients.get(node));
  }

  private static void awaitReady(NodeProcess p, ControlClient client) {
    String node = p.node().name();
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.running()) {
        throw new IllegalStateException(node + " exited while starting; see " + p.log());
      }
      try {
        client.health();
        return;
      } catch (IndeterminateException | PgCallException | IllegalStateException e) {
        sleep(250);
      }
    }
    throw new IllegalStateException(
        node + " did not answer within " + READY_WITHIN + "; see " + p.log());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a node", e);
    }
  }

  @Override
  public List<String> nodes() {
    return nodes.stream().map(NodeAddress::name).toList();
  }

  @Override
  public ControlClient client(String node) {
    return clients.get(node);
  }

  @Override
  public FaultInjector faults() {
    return nemesis;
  }

  @Override
  public int generation(String node) {
    return processes.get(node).starts();
  }

  @Override
  public List<Path> logs() {
    List<Path> all = new ArrayList<>(processes.values().stream().map(NodeProcess::log).toList());
    all.add(logs.resolve("impostor.log"));
    return all;
  }

  @Override
  public void close() {
    processes.values().forEach(NodeProcess::kill);
    disks.values().forEach(SmallDisk::unmount);
  }
}
