package dev.procgroups.bench.cluster;

import dev.procgroups.jepsen.net.Firewall;
import dev.procgroups.jepsen.net.NamespaceUnavailableException;
import dev.procgroups.jepsen.net.NetNamespace;
import dev.procgroups.jepsen.net.NodeAddress;
import dev.procgroups.jepsen.net.Partitions;
import dev.procgroups.transport.atomix.SeedMember;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Convergence after healing a partition: three worker JVMs in a private network namespace (the
 * Jepsen harness's namespace and nftables firewall), node n1 on one side and n2 + n3 on the other,
 * {@code slotsPerSide} slots on n1 and as many on n2. Cut until each side has dropped the other's
 * slots, heal, and time until every node sees all of them again.
 */
final class PartitionHealRun {
  private static final int PORT = 7_400;

  private final int slotsPerSide;
  private final int groups;
  private final int concurrency;
  private final List<String> jvmOptions;
  private final Path logDir;
  private final Duration timeout;

  PartitionHealRun(
      int slotsPerSide,
      int groups,
      int concurrency,
      List<String> jvmOptions,
      Path logDir,
      Duration timeout) {
    this.slotsPerSide = slotsPerSide;
    this.groups = groups;
    this.concurrency = concurrency;
    this.jvmOptions = jvmOptions;
    this.logDir = logDir;
    this.timeout = timeout;
  }

  ClusterReport.PartitionHeal measure(long incarnation) {
    List<NodeAddress> addresses = NodeAddress.cluster(3);
    List<SeedMember> seeds =
        addresses.stream().map(a -> new SeedMember(a.name(), a.ip(), PORT)).toList();
    try (NetNamespace ns = NetNamespace.create("pgbench", addresses)) {
      Firewall firewall = Firewall.install(ns, addresses);
      WorkerJvm.Launch launch =
          new WorkerJvm.Launch(
              seeds,
              concurrency,
              incarnation,
              jvmOptions,
              logDir,
              (i, command) -> ns.command(addresses.get(i).runAs(command)));
      List<WorkerJvm> nodes = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          nodes.add(WorkerJvm.start(launch, i, timeout));
        }
        return measure(nodes, firewall);
      } finally {
        nodes.forEach(WorkerJvm::close);
      }
    } catch (NamespaceUnavailableException e) {
      return ClusterReport.PartitionHeal.notMeasured("no network namespace: " + e.getMessage());
    }
  }

  private ClusterReport.PartitionHeal measure(List<WorkerJvm> nodes, Firewall firewall) {
    int s = slotsPerSide;
    String prefix = "p-";
    nodes.get(0).send("SPAWN 0 " + s);
    nodes.get(1).send("SPAWN " + s + " " + 2 * s);
    nodes.get(2).send("SPAWN 0 0");
    nodes.forEach(n -> n.await("spawn", timeout));
    nodes.get(0).send("JOIN " + prefix + " " + groups);
    nodes.get(1).send("JOIN " + prefix + " " + groups);
    nodes.get(0).await("join", timeout);
    nodes.get(1).await("join", timeout);
    awaitEverywhere(nodes, 2L * s, "all slots before the cut");

    long cutAt = Clock.epochNanos();
    firewall.apply(
        Partitions.components("n1 | n2 n3", List.of(List.of("n1"), List.of("n2", "n3"))).cuts());
    long split = awaitEverywhere(nodes, s, "each side drops the other's slots") - cutAt;

    long healAt = Clock.epochNanos();
    firewall.heal();
    long converged = awaitEverywhere(nodes, 2L * s, "all slots after healing") - healAt;
    return new ClusterReport.PartitionHeal(
        true,
        "n1 | n2 n3 cut with nftables in a private" + " network namespace",
        s,
        groups,
        Rates.millis(split),
        Rates.millis(converged));
  }

  /** Every node's view reaches {@code total}; returns the wall-clock time the last one did. */
  private long awaitEverywhere(List<WorkerJvm> nodes, long total, String what) {
    String command = "AWAIT " + total + " " + timeout.toSeconds();
    nodes.forEach(n -> n.send(command));
    long last = 0;
    for (WorkerJvm n : nodes) {
      last = Math.max(last, Long.parseLong(n.await(what, timeout.plusSeconds(5))[1]));
    }
    return last;
  }
}
