package dev.procgroups.props.sim;

import dev.procgroups.process.Pid;
import dev.procgroups.props.sim.TrafficMeter.Traffic;
import dev.procgroups.replication.ReplicationSettings;
import dev.procgroups.transport.sim.NetworkFaults;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * One run of the simulation at scale, on a healthy network with production timing: the cluster
 * starts, idles empty, every node joins {@value #PROCS} processes to {@value #GROUPS_PER_JOIN} of
 * {@value #GROUPS} groups each and leaves one group again, idles holding those slots, then half the
 * nodes are cut from the other half while both sides churn (new processes join, others leave or
 * exit, one node per side restarts), and the cut heals. Measures what the nodes send in each phase
 * and how long after the heal every view equals the model's. Safety is checked after every round
 * (all nodes act at one instant: at 200 nodes a check after each op would cost more than the run),
 * safety and convergence after the heal and {@link Schedule#QUIET} quiet ms; a violation throws
 * {@link AssertionError}.
 */
record ScaleScenario(int nodes, long seed) {
  static final int PROCS = 8;
  static final int GROUPS = 10;
  static final int GROUPS_PER_JOIN = 3;

  /** Each churn round, every {@code CHURN_EVERY}th node of the cluster acts. */
  static final int CHURN_EVERY = 8;

  static final int CHURN_ROUNDS = 3;

  /** Virtual time of each idle measurement. */
  static final long IDLE = 5_000;

  /** How often the views are compared with the model after the heal (the resolution of it). */
  static final long LOOK_EVERY = 10;

  /** A heal not converged after this long counts as not converged. */
  static final long HEAL_LIMIT = 30_000;

  private static final long ROUND = 1_000;

  /** The production timing: a digest to each peer every second, suspicion after 5 s. */
  static ReplicationSettings settings() {
    return ReplicationSettings.defaults();
  }

  ScaleFigures run(ReplicationSettings settings) {
    long cpuStart = cpuNanos();
    SimCluster cluster = new SimCluster(seed, nodes, NetworkFaults.none(), settings);
    TrafficMeter meter = new TrafficMeter();
    cluster.network().tap(meter);
    int rounds = 0;

    cluster.round(List.of(), ROUND); // every node learns of every other: syncs of empty states
    Traffic startup = meter.snapshot();
    Traffic idleEmpty = idle(cluster, meter);
    rounds += 2;

    cluster.round(
        everyNode(i -> IntStream.range(0, PROCS).mapToObj(p -> new SimOp.Spawn(i, 0))), 0);
    cluster.round(List.of(new SimOp.Monitor(0, null, 0), new SimOp.Monitor(nodes / 2, null, 0)), 0);
    Traffic beforeChanges = meter.snapshot();
    cluster.round(
        everyNode(
            i ->
                IntStream.range(0, PROCS)
                    .mapToObj(p -> new SimOp.Join(i, p, groups(i + p, GROUPS_PER_JOIN), 0))),
        ROUND);
    cluster.round(everyNode(i -> Stream.of(new SimOp.Leave(i, 0, List.of(group(i)), 0))), ROUND);
    Traffic changes = meter.snapshot().since(beforeChanges);
    int changeCount = nodes * (PROCS + 1);
    Traffic idleHeld = idle(cluster, meter);
    rounds += 5;

    int half = nodes / 2;
    List<String> sideA = names(0, half);
    List<String> sideB = names(half, nodes);
    Map<String, Map<String, List<String>>> atCut = localSlots(cluster);
    cluster.network().partition(List.of(sideA, sideB));
    cluster.round(List.of(), ROUND); // detected: each side drops the other's slots
    for (int r = 0; r < CHURN_ROUNDS; r++) {
      cluster.round(churn(r, half), ROUND);
    }
    rounds += 1 + CHURN_ROUNDS;
    Map<String, Map<String, List<String>>> atHeal = localSlots(cluster);
    long changedCopies =
        changedSlots(atCut, atHeal, sideA) * sideB.size()
            + changedSlots(atCut, atHeal, sideB) * sideA.size();
    Traffic beforeHeal = meter.snapshot();
    OptionalLong converged = cluster.healUntilConverged(LOOK_EVERY, HEAL_LIMIT);
    Traffic heal = meter.snapshot().since(beforeHeal);
    long crossSlots = crossSideSlots(cluster, new HashSet<>(sideA));
    long slotsHeld = cluster.nodes().stream().mapToLong(n -> count(n, n.id.name())).sum();
    Traffic beforeQuiet = meter.snapshot();
    cluster.settle(Schedule.QUIET);
    Traffic afterHeal = meter.snapshot().since(beforeQuiet);
    return new ScaleFigures(
        nodes,
        seed,
        startup.total(),
        idleEmpty.total(),
        changeCount,
        changes,
        idleHeld.total(),
        slotsHeld,
        converged,
        heal,
        crossSlots,
        changedCopies,
        afterHeal,
        rounds,
        (cpuNanos() - cpuStart) / 1e9);
  }

  /** Every {@value #CHURN_EVERY}th node: a new process joins, one leaves a group, one exits. */
  private List<SimOp> churn(int round, int half) {
    List<SimOp> ops = new ArrayList<>();
    for (int i = round; i < nodes; i += CHURN_EVERY) {
      ops.add(new SimOp.Spawn(i, 0));
      ops.add(new SimOp.Join(i, -1, List.of(group(i + round), group(i + 2)), 0)); // the newest
      ops.add(new SimOp.Leave(i, 1, List.of(group(i + 1)), 0));
      ops.add(new SimOp.Exit(i, 2, 0));
    }
    if (round == 1) {
      ops.add(new SimOp.Restart(0, 0));
      ops.add(new SimOp.Restart(half, 0));
    }
    return ops;
  }

  private static Traffic idle(SimCluster cluster, TrafficMeter meter) {
    Traffic before = meter.snapshot();
    cluster.round(List.of(), IDLE);
    return meter.snapshot().since(before);
  }

  /** Copies of slots that a node of one side holds of a node of the other side. */
  private static long crossSideSlots(SimCluster cluster, Set<String> sideA) {
    long n = 0;
    for (SimNode node : cluster.nodes()) {
      boolean inA = sideA.contains(node.id.name());
      for (List<String> pids : node.view().values()) {
        for (String pid : pids) {
          if (sideA.contains(Pid.parse(pid).node()) != inA) {
            n++;
          }
        }
      }
    }
    return n;
  }

  /** Each running node's own slots, by node name. */
  private static Map<String, Map<String, List<String>>> localSlots(SimCluster cluster) {
    Map<String, Map<String, List<String>>> out = new HashMap<>();
    cluster.nodes().forEach(n -> out.put(n.id.name(), n.slotsOf(n.id.name())));
    return out;
  }

  /**
   * Slots (group and pid) in one state of a node and not in the other, summed over {@code names}.
   */
  private static long changedSlots(
      Map<String, Map<String, List<String>>> before,
      Map<String, Map<String, List<String>>> after,
      List<String> names) {
    long changed = 0;
    for (String name : names) {
      Map<String, Integer> diff = new HashMap<>();
      before
          .getOrDefault(name, Map.of())
          .forEach((g, pids) -> pids.forEach(p -> diff.merge(g + " " + p, 1, Integer::sum)));
      after
          .getOrDefault(name, Map.of())
          .forEach((g, pids) -> pids.forEach(p -> diff.merge(g + " " + p, -1, Integer::sum)));
      changed += diff.values().stream().mapToLong(Math::abs).sum();
    }
    return changed;
  }

  private static long count(SimNode node, String origin) {
    return node.slotsOf(origin).values().stream().mapToLong(List::size).sum();
  }

  private List<SimOp> everyNode(IntFunction<Stream<? extends SimOp>> ops) {
    return IntStream.range(0, nodes).boxed().<SimOp>flatMap(ops::apply).toList();
  }

  private static List<String> names(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "n" + (i + 1)).toList();
  }

  private static List<String> groups(int first, int count) {
    return IntStream.range(first, first + count).mapToObj(ScaleScenario::group).toList();
  }

  private static String group(int i) {
    return "g" + Math.floorMod(i, GROUPS);
  }

  private static long cpuNanos() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }
}
