package dev.procgroups.props.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.procgroups.props.sim.TrafficMeter.Count;
import dev.procgroups.replication.ReplicationSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Writes the simulation's scale figures as {@code sim-scale.json} and {@code sim-scale.md}: one row
 * per cluster size, the growth of each cost with the size, the invariants' result and the planted
 * bug's.
 */
final class ScaleReport {
  static final String COMMAND =
      "./mvnw -B -o -q -pl property-tests -am -Dtest=SimScaleTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dprocgroups.sim.scale=full test";

  private final List<ScaleFigures> runs = new ArrayList<>();
  private final Map<Integer, String> violations = new LinkedHashMap<>();
  private final String loadAtStart = loadAverage();
  private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final List<Map<String, Object>> mutants = new ArrayList<>();

  /** The figures before the heal by difference, kept for the before column. */
  static final String BEFORE_FILE = "sim-scale-before.json";

  private final Map<Integer, Map<String, Object>> before = readBefore();

  void add(ScaleFigures figures) {
    runs.add(figures);
  }

  void violated(int nodes, String message) {
    violations.put(nodes, message);
  }

  Map<Integer, String> violations() {
    return violations;
  }

  void mutant(String name, int nodes, String caughtBy) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mutant", name);
    m.put("nodes", nodes);
    m.put("caught", caughtBy != null);
    m.put("violation", caughtBy);
    mutants.add(m);
  }

  boolean mutantsCaught() {
    return mutants.stream().allMatch(m -> Boolean.TRUE.equals(m.get("caught")));
  }

  @SuppressWarnings("unchecked")
  private static Map<Integer, Map<String, Object>> readBefore() {
    Path file = resultsDirectory().resolve(BEFORE_FILE);
    Map<Integer, Map<String, Object>> out = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    try {
      Map<String, Object> json = new ObjectMapper().readValue(file.toFile(), Map.class);
      for (Map<String, Object> run : (List<Map<String, Object>>) json.get("runs")) {
        out.put(((Number) run.get("nodes")).intValue(), run);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
    return out;
  }

  private Map<String, Object> before(int nodes) {
    return before.getOrDefault(nodes, Map.of());
  }

  /** {@code bench/results} of the repository the test runs in (Maven runs it in the module). */
  static Path resultsDirectory() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("bench/results"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no bench/results above " + Path.of("").toAbsolutePath());
    }
    return dir.resolve("bench/results");
  }

  /** One line per run, for the test's output. */
  static String summary(ScaleFigures f) {
    return String.format(
        Locale.ROOT,
        "N=%d: %.1f msgs and %.0f bytes per change; idle %.1f msgs/node/s; heal converged in %s ms,"
            + " %d msgs, %d bytes; %.1f CPU s",
        f.nodes(),
        f.messagesPerChange(),
        f.bytesPerChange(),
        ScaleFigures.perNodeSecond(f.idleHeld(), f.nodes(), false),
        f.healed().isPresent() ? f.healed().getAsLong() : "never",
        f.heal().total().messages(),
        f.heal().total().bytes(),
        f.cpuSeconds());
  }

  void write(Path dir) throws IOException {
    Files.writeString(
        dir.resolve("sim-scale.json"),
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json())
            + "\n");
    Files.writeString(dir.resolve("sim-scale.md"), markdown());
  }

  private Map<String, Object> json() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("command", COMMAND);
    out.put("date", started.toString());
    out.put("machine", machine());
    out.put("settings", settings());
    List<Map<String, Object>> rows = new ArrayList<>();
    runs.forEach(f -> rows.add(row(f)));
    out.put("runs", rows);
    out.put("violations", violations);
    out.put("plantedBugs", mutants);
    return out;
  }

  private Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cpus", Runtime.getRuntime().availableProcessors());
    m.put("loadAverageAtStart", loadAtStart);
    m.put("loadAverageAtEnd", loadAverage());
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    m.put("shared", "with other engineers' builds");
    return m;
  }

  private static Map<String, Object> settings() {
    ReplicationSettings s = ScaleScenario.settings();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("digestIntervalMs", s.digestInterval());
    m.put("suspectAfterMs", s.suspectAfter());
    m.put("resyncRetryMs", s.resyncRetry());
    m.put("tickMs", SimNode.TICK);
    m.put(
        "network", "1-5 ms per message, FIFO, nothing lost; failure detector reports after 50 ms");
    m.put("processesPerNode", ScaleScenario.PROCS);
    m.put("groups", ScaleScenario.GROUPS);
    m.put("groupsPerJoin", ScaleScenario.GROUPS_PER_JOIN);
    m.put("churnRounds", ScaleScenario.CHURN_ROUNDS);
    m.put("churnEveryNthNode", ScaleScenario.CHURN_EVERY);
    m.put("idleWindowMs", ScaleScenario.IDLE);
    m.put("healLookEveryMs", ScaleScenario.LOOK_EVERY);
    m.put("quietAfterHealMs", Schedule.QUIET);
    return m;
  }

  private static Map<String, Object> row(ScaleFigures f) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("nodes", f.nodes());
    r.put("seed", f.seed());
    r.put("startup", f.startup());
    r.put("changes", f.changes());
    r.put("changePhase", f.changeTraffic().byKind());
    r.put("messagesPerChange", f.messagesPerChange());
    r.put("bytesPerChange", f.bytesPerChange());
    r.put("messagesPerChangePerNode", f.messagesPerChange() / f.nodes());
    r.put("bytesPerChangePerNode", f.bytesPerChange() / f.nodes());
    r.put("idleEmptyMessagesPerNodePerSecond", idle(f.idleEmpty(), f, false));
    r.put("idleEmptyBytesPerNodePerSecond", idle(f.idleEmpty(), f, true));
    r.put("idleHeldMessagesPerNodePerSecond", idle(f.idleHeld(), f, false));
    r.put("idleHeldBytesPerNodePerSecond", idle(f.idleHeld(), f, true));
    r.put("slotsHeld", f.slotsHeld());
    r.put("healConvergedMs", f.healed().isPresent() ? f.healed().getAsLong() : null);
    r.put("heal", f.heal().byKind());
    r.put("healMessages", f.heal().total().messages());
    r.put("healBytes", f.heal().total().bytes());
    r.put("healExchangeBytes", f.healExchangeBytes());
    r.put("healCrossSideSlots", f.crossSlots());
    r.put("healDifferenceSlots", f.difference().slots());
    r.put("healDifferenceBytes", f.difference().bytes());
    r.put("healDifferencePlusDigestsBytes", f.differencePlusDigests());
    r.put("healExchangeBytesOverDifferencePlusDigests", ratio(f));
    r.put("healBusiestLookShareOfRequests", f.busiestShare());
    r.put("quietAfterHeal", f.afterHeal().byKind());
    r.put(
        "invariants",
        "safety after each of "
            + f.safetyChecks()
            + " rounds; safety and convergence after heal + quiet: held");
    r.put("cpuSeconds", f.cpuSeconds());
    return r;
  }

  private static double ratio(ScaleFigures f) {
    return (double) f.healExchangeBytes() / f.differencePlusDigests();
  }

  private static double idle(Count idle, ScaleFigures f, boolean bytes) {
    return ScaleFigures.perNodeSecond(idle, f.nodes(), bytes);
  }

  private String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# The simulation at scale: cost per change, at rest and at a heal\n\n");
    md.append(
            "Generated by `SimScaleTest` (`ScaleScenario`, `ScaleReport`); figures in virtual time.")
        .append("\n\n");
    md.append("- Command: `").append(COMMAND).append("`\n");
    md.append("- Date: ").append(started).append('\n');
    Map<String, Object> m = machine();
    md.append(
        String.format(
            "- Machine: %s CPUs shared with other engineers' builds, load average %s at the start"
                + " and %s at the end; %s%n",
            m.get("cpus"), loadAtStart, m.get("loadAverageAtEnd"), m.get("java")));
    md.append(
        String.format(
            "- Protocol timing as in production (`ReplicationSettings.defaults()`): a digest to each"
                + " peer every %d ms, suspicion after %d ms; nodes tick every %d ms. Network: 1–5 ms"
                + " per message, FIFO, nothing lost; the simulated failure detector is an oracle"
                + " that reports changes after 50 ms and sends nothing (real nodes add"
                + " heartbeats, see the reading).%n",
            ScaleScenario.settings().digestInterval(),
            ScaleScenario.settings().suspectAfter(),
            SimNode.TICK));
    md.append(
        String.format(
            "- Scenario (`ScaleScenario`): start, %d ms idle with no slot, every node joins %d"
                + " processes to %d of %d groups each (one change each) and leaves one group (one"
                + " change), %d ms idle holding the slots, then nodes n1…n(N/2) are partitioned"
                + " from the rest, both sides churn for %d rounds of 1 s (each round every %dth"
                + " node: a new process joins, one leaves a group, one exits; in the second one"
                + " node per side restarts), and the partition heals. Convergence is looked at"
                + " every %d ms after the heal.%n%n",
            ScaleScenario.IDLE,
            ScaleScenario.PROCS,
            ScaleScenario.GROUPS_PER_JOIN,
            ScaleScenario.GROUPS,
            ScaleScenario.IDLE,
            ScaleScenario.CHURN_ROUNDS,
            ScaleScenario.CHURN_EVERY,
            ScaleScenario.LOOK_EVERY));

    md.append("## Per change (joins and leaves)\n\n");
    md.append(
        "| N | changes | messages per change | bytes per change | messages per change per node"
            + " | bytes per change per node | all bytes sent in the change phase (digests incl.)"
            + " |\n|---|---|---|---|---|---|---|\n");
    for (ScaleFigures f : runs) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %d | %.1f | %.0f | %.2f | %.1f | %d |%n",
              f.nodes(),
              f.changes(),
              f.messagesPerChange(),
              f.bytesPerChange(),
              f.messagesPerChange() / f.nodes(),
              f.bytesPerChange() / f.nodes(),
              f.changeTraffic().total().bytes()));
    }
    md.append("\n## At rest (per node per virtual second)\n\n");
    md.append(
        "| N | messages, no slot | bytes, no slot | messages, slots held | bytes, slots held |"
            + " slots held (cluster) | startup: messages / bytes (cluster) |\n"
            + "|---|---|---|---|---|---|---|\n");
    for (ScaleFigures f : runs) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %.1f | %.0f | %.1f | %.0f | %d | %d / %d |%n",
              f.nodes(),
              idle(f.idleEmpty(), f, false),
              idle(f.idleEmpty(), f, true),
              idle(f.idleHeld(), f, false),
              idle(f.idleHeld(), f, true),
              f.slotsHeld(),
              f.startup().messages(),
              f.startup().bytes()));
    }
    md.append("\n## Partition heal (half against half, churn on both sides during the cut)\n\n");
    md.append(
        "Before: the protocol of "
            + BEFORE_FILE
            + " (a full `Sync` to every peer that comes up). The difference: for each node and"
            + " each node of the other side, the slots the latter changed during the cut (all its"
            + " slots if either restarted), counted with the bytes of their group and pid;"
            + " digests: one each way per cross-side pair. Exchange bytes: everything sent from"
            + " the heal until convergence but the periodic digests.\n\n");
    md.append(
        "| N | converged after (virtual ms): before / now | bytes, all kinds: before / now |"
            + " exchange bytes | of which Sync: messages / bytes | Patch: messages / bytes |"
            + " difference: slot copies / bytes | difference + digests (bytes) | exchange bytes"
            + " ÷ (difference + digests) | busiest 10 ms: share of requests |\n"
            + "|---|---|---|---|---|---|---|---|---|---|\n");
    for (ScaleFigures f : runs) {
      Count sync = f.heal().of(ScaleFigures.SYNC);
      Count patch = f.heal().of("Patch");
      Map<String, Object> before = before(f.nodes());
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %s / %s | %s / %d | %d | %d / %d | %d / %d | %d / %d | %d | %.2f | %.2f |%n",
              f.nodes(),
              before.getOrDefault("healConvergedMs", "–"),
              f.healed().isPresent() ? String.valueOf(f.healed().getAsLong()) : "not converged",
              before.getOrDefault("healBytes", "–"),
              f.heal().total().bytes(),
              f.healExchangeBytes(),
              sync.messages(),
              sync.bytes(),
              patch.messages(),
              patch.bytes(),
              f.difference().slots(),
              f.difference().bytes(),
              f.differencePlusDigests(),
              ratio(f),
              f.busiestShare()));
    }
    md.append(
        String.format(
            "%nIn the %d quiet ms after convergence (messages / bytes by kind, cluster):%n%n",
            Schedule.QUIET));
    md.append("| N | sent | per node per s |\n|---|---|---|\n");
    for (ScaleFigures f : runs) {
      StringBuilder kinds = new StringBuilder();
      f.afterHeal()
          .byKind()
          .forEach(
              (kind, c) ->
                  kinds
                      .append(kinds.isEmpty() ? "" : ", ")
                      .append(String.format("%s %d / %d", kind, c.messages(), c.bytes())));
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %s | %.1f messages, %.0f bytes |%n",
              f.nodes(),
              kinds,
              f.afterHeal().total().messages() / (double) f.nodes() / (Schedule.QUIET / 1e3),
              f.afterHeal().total().bytes() / (double) f.nodes() / (Schedule.QUIET / 1e3)));
    }
    md.append("\n## Invariants\n\n");
    md.append("| N | checked | result | CPU s |\n|---|---|---|---|\n");
    for (ScaleFigures f : runs) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | safety after each of %d rounds; safety and convergence to the model after"
                  + " the heal and %d quiet ms | held | %.2f |%n",
              f.nodes(),
              f.safetyChecks(),
              Schedule.QUIET,
              f.cpuSeconds()));
    }
    violations.forEach(
        (n, v) -> md.append(String.format("| %d | the same | **violated**: %s | |%n", n, v)));
    md.append("\nThe checks can fail: the same scenario with a planted bug:\n\n");
    for (Map<String, Object> bug : mutants) {
      md.append(
          String.format(
              "- `%s` at %s nodes: %s%n",
              bug.get("mutant"),
              bug.get("nodes"),
              Boolean.TRUE.equals(bug.get("caught"))
                  ? "caught: `" + abbreviate((String) bug.get("violation")) + "`"
                  : "**not caught**"));
    }
    md.append("\n## Growth from the smallest to the largest N\n\n");
    md.append(growth());
    if (!runs.isEmpty()) {
      md.append(reading(runs.get(runs.size() - 1)));
    }
    return md.toString();
  }

  /** What the figures say, with the largest run's numbers; the text explains the protocol. */
  private String reading(ScaleFigures f) {
    Count digest = f.idleHeld();
    Count sync = f.heal().of(ScaleFigures.SYNC);
    Count patch = f.heal().of("Patch");
    boolean quietIsDigests =
        f.afterHeal().total().messages() == f.afterHeal().of(ScaleFigures.DIGEST).messages();
    return String.format(
        Locale.ROOT,
        """

        ## Reading

        **Per change.** A join or leave travels as one `Deltas` message from its node to each of
        the N−1 others (%.0f bytes each here: scope, incarnation, sequence number, group names,
        pid strings). Messages per change grow as N and each node receives about one message per
        change made anywhere in the cluster. That is full replication, as in Erlang's `pg` (each
        scope process sends every join to every peer): while every node holds the whole view, a
        change cannot cost less than one delivery per node. Batching changes queued together
        (which `ScopeReplica` already does) saves messages, not per-node work.

        **At rest.** In the simulation, idle traffic is the anti-entropy digest alone: every node
        sends a `Digest` (incarnation, last sequence number, a hash of its local slots; %.0f bytes
        here) to each peer every digest interval. That is N−1 messages per node per interval
        (%.1f messages and %.0f bytes per node per second at N=%d): O(N) per node, O(N²) for the
        cluster. It does not grow with the slots held: a digest has a fixed size, so idle bytes
        holding slots are %.2f× those of the empty cluster at N=%d (the hash's varint takes its
        full width once any slot exists) and cannot grow further with more slots. The issue's
        idle target (bytes at 100k slots within 2× of those at none) holds by construction; what
        grows is the number of peers. Real nodes add the failure detector's heartbeat, an empty
        batch to every peer each probe interval when nothing else went to it (`PeerLiveness`,
        impl/README.md), also O(N) per node; the simulated failure detector sends nothing.

        **At a heal, by difference.** A node keeps the replica of a peer that goes down (its
        slots as of a change number), hidden from the view: the view loses the slots at once,
        with leave events, as before. When the same incarnation is back, the node asks it for
        what changed since that number (`ResyncRequest` with the number and the replica's hash);
        the peer answers from its log of recent changes with their net effect (`Patch`: slots
        that left, slots that joined, the resulting hash), or with its full state (`Sync`) when
        the log does not reach back, the hash is not what it held at that number, or the asker
        holds nothing (a restart on either side). The replica, patched and checked against the
        hash, returns to the view with join events. At N=%d the heal sent %d patches (%d bytes)
        and %d full syncs (%d bytes, to and from the two restarted nodes), %d bytes of exchanges
        in all (%d before, %.1f× less) against a difference of %d slot copies (%d bytes) plus
        digests: %.2f× the difference plus digests (target: within 2×). What is above 1×: each
        exchange is a request and an answer (scope, numbers, hash) where the reference counts
        one digest, and a patch names each group it touches. Bytes per node now follow the
        difference, not the other side's whole state.%s

        **No storm.** With 50 peers or more, the exchange after a peer comes up waits for the
        pair's turn in a window of N/200 digest intervals (one at most; below a quarter interval
        it starts at once, as a real node's tick is a quarter interval), a hash of the two names:
        after a heal each node starts about 200 exchanges per interval instead of all at one
        failure-detector report. At N=%d the busiest 10 ms of the heal carried %.0f%% of its
        resync requests. The price is convergence time: %s virtual ms at N=%d (the turns, then
        the nodes' 100 ms ticks that send them), against %s before; under 50 peers nothing
        waits. Virtual time charges nothing for encoding or applying, so how a real heal's time
        grows with N belongs to the real-node benchmark.

        **What would change it further** (not done here).
        - Idle O(1) per node: one digest per interval to one peer chosen at random (or a fixed
          few) instead of one to every peer, gossip-style anti-entropy as in Dynamo, Cassandra
          or ScaleCube; every pair is still compared within O(N) intervals on average, so a lost
          last change is repaired later; changes themselves still travel at once. Heartbeats to
          every peer are the other O(N) term: a SWIM-style detector makes them O(1) per node.
        - A heal after a cut longer than the change log (%d slots moved by default) falls back to
          full syncs: per-group digests (the groups whose hashes differ) would keep it O(k +
          groups) whatever the cut's length.
        """,
        f.bytesPerChange() / f.messagesPerChange(),
        (double) digest.bytes() / digest.messages(),
        ScaleFigures.perNodeSecond(digest, f.nodes(), false),
        ScaleFigures.perNodeSecond(digest, f.nodes(), true),
        f.nodes(),
        (double) digest.bytes() / f.idleEmpty().bytes(),
        f.nodes(),
        f.nodes(),
        patch.messages(),
        patch.bytes(),
        sync.messages(),
        sync.bytes(),
        f.healExchangeBytes(),
        ((Number) before(f.nodes()).getOrDefault("healBytes", 0)).longValue(),
        ((Number) before(f.nodes()).getOrDefault("healBytes", 0)).doubleValue()
            / f.healExchangeBytes(),
        f.difference().slots(),
        f.difference().bytes(),
        ratio(f),
        quietIsDigests
            ? " The quiet seconds after it carry digests only: no resync aftershock."
            : " After it: " + f.afterHeal().byKind() + ".",
        f.nodes(),
        100 * f.busiestShare(),
        f.healed().isPresent() ? String.valueOf(f.healed().getAsLong()) : "never",
        f.nodes(),
        before(f.nodes()).getOrDefault("healConvergedMs", "–"),
        ReplicationSettings.DEFAULT_CHANGE_LOG_SLOTS);
  }

  /** Each cost's exponent k in cost ∝ N^k between the first and the last run. */
  private String growth() {
    if (runs.size() < 2) {
      return "(fewer than two runs)\n";
    }
    StringBuilder md = new StringBuilder("| cost | exponent k in cost ∝ N^k |\n|---|---|\n");
    growthRow(md, "messages per change (cluster)", ScaleFigures::messagesPerChange);
    growthRow(md, "messages per change per node", f -> f.messagesPerChange() / f.nodes());
    growthRow(md, "idle messages per node per s", f -> idle(f.idleHeld(), f, false));
    growthRow(md, "idle bytes per node per s", f -> idle(f.idleHeld(), f, true));
    growthRow(md, "heal messages (cluster)", f -> f.heal().total().messages());
    growthRow(md, "heal bytes (cluster)", f -> f.heal().total().bytes());
    growthRow(md, "heal exchange bytes (cluster)", ScaleFigures::healExchangeBytes);
    growthRow(md, "the difference's bytes (cluster)", f -> f.difference().bytes());
    growthRow(md, "heal bytes per node", f -> (double) f.heal().total().bytes() / f.nodes());
    growthRow(md, "heal convergence time", f -> f.healed().orElse(0));
    growthRow(md, "CPU time of the run", ScaleFigures::cpuSeconds);
    return md.toString();
  }

  private void growthRow(StringBuilder md, String what, ToDoubleFunction<ScaleFigures> cost) {
    ScaleFigures first = runs.get(0);
    ScaleFigures last = runs.get(runs.size() - 1);
    double k =
        Math.log(cost.applyAsDouble(last) / cost.applyAsDouble(first))
            / Math.log((double) last.nodes() / first.nodes());
    md.append(String.format(Locale.ROOT, "| %s | %.2f |%n", what, k));
  }

  private static String abbreviate(String s) {
    String line = s.replace('\n', ' ').replace('`', '\'');
    return line.length() <= 300 ? line : line.substring(0, 300) + "…";
  }

  private static String loadAverage() {
    return String.format(
        Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
