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

    // Every node learns of every other: syncs of empty states, spread over up to a digest interval.
    cluster.round(List.of(), 2 * ROUND);
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
    Map<String, Long> startsAtCut = incarnations(cluster);
    cluster.network().partition(List.of(sideA, sideB));
    cluster.round(List.of(), ROUND); // detected: each side drops the other's slots
    for (int r = 0; r < CHURN_ROUNDS; r++) {
      cluster.round(churn(r, half), ROUND);
    }
    rounds += 1 + CHURN_ROUNDS;
    Map<String, Map<String, List<String>>> atHeal = localSlots(cluster);
    SlotCost difference =
        difference(atCut, atHeal, startsAtCut, incarnations(cluster), sideA, sideB)
            .plus(difference(atCut, atHeal, startsAtCut, incarnations(cluster), sideB, sideA));
    Traffic beforeHeal = meter.snapshot();
    long[] busiestLook = {0};
    Traffic[] lastLook = {beforeHeal};
    OptionalLong converged =
        cluster.healUntilConverged(
            LOOK_EVERY,
            HEAL_LIMIT,
            () -> {
              Traffic now = meter.snapshot();
              long asked = now.since(lastLook[0]).of(ScaleFigures.REQUEST).messages();
              busiestLook[0] = Math.max(busiestLook[0], asked);
              lastLook[0] = now;
            });
    Traffic heal = meter.snapshot().since(beforeHeal);
    long crossSlots = crossSideSlots(cluster, new HashSet<>(sideA));
    long slotsHeld = cluster.nodes().stream().mapToLong(n -> count(n, n.id.name())).sum();
    Traffic beforeQuiet = meter.snapshot();
    cluster.settle(Schedule.QUIET);
    Traffic afterHeal = meter.snapshot().since(beforeQuiet);
    ScaleFigures figures =
        new ScaleFigures(
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
            difference,
            busiestLook[0],
            afterHeal,
            rounds,
            (cpuNanos() - cpuStart) / 1e9);
    String tooCostly = figures.costViolation();
    if (tooCostly != null) {
      throw new AssertionError(tooCostly);
    }
    return figures;
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

  /** Each running node's incarnation, by node name. */
  private static Map<String, Long> incarnations(SimCluster cluster) {
    Map<String, Long> out = new HashMap<>();
    cluster.nodes().forEach(n -> out.put(n.id.name(), n.id.incarnation()));
    return out;
  }

  /**
   * What the heal must teach the {@code observers} of the {@code origins}' slots, with no cost for
   * slots that simply leave: for each pair, the slots that changed on the origin during the cut, or
   * all its slots at the heal when either of the two restarted meanwhile (nothing of the old start
   * is any use then).
   */
  private static SlotCost difference(
      Map<String, Map<String, List<String>>> atCut,
      Map<String, Map<String, List<String>>> atHeal,
      Map<String, Long> startsAtCut,
      Map<String, Long> startsAtHeal,
      List<String> observers,
      List<String> origins) {
    SlotCost total = SlotCost.NONE;
    for (String origin : origins) {
      Map<String, List<String>> now = atHeal.getOrDefault(origin, Map.of());
      SlotCost changed = SlotCost.between(atCut.getOrDefault(origin, Map.of()), now);
      SlotCost everything = SlotCost.between(Map.of(), now);
      for (String observer : observers) {
        boolean restarted =
            !startsAtCut.get(observer).equals(startsAtHeal.get(observer))
                || !startsAtCut.get(origin).equals(startsAtHeal.get(origin));
        total = total.plus(restarted ? everything : changed);
      }
    }
    return total;
  }

  /**
   * Slot copies and their bytes on the wire (group and pid, each a length byte and its UTF-8): a
   * lower bound of any message that carries them.
   */
  record SlotCost(long slots, long bytes) {
    static final SlotCost NONE = new SlotCost(0, 0);

    SlotCost plus(SlotCost o) {
      return new SlotCost(slots + o.slots, bytes + o.bytes);
    }

    /** The slots (group and pid, with multiplicity) in one state and not in the other. */
    static SlotCost between(Map<String, List<String>> before, Map<String, List<String>> after) {
      Map<List<String>, Integer> diff = new HashMap<>();
      before.forEach((g, pids) -> pids.forEach(p -> diff.merge(List.of(g, p), 1, Integer::sum)));
      after.forEach((g, pids) -> pids.forEach(p -> diff.merge(List.of(g, p), -1, Integer::sum)));
      SlotCost cost = NONE;
      for (Map.Entry<List<String>, Integer> e : diff.entrySet()) {
        long n = Math.abs(e.getValue());
        long bytes = e.getKey().get(0).length() + e.getKey().get(1).length() + 2L;
        cost = cost.plus(new SlotCost(n, n * bytes));
      }
      return cost;
    }
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
