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
    r.put("healCrossSideSlots", f.crossSlots());
    r.put("healBytesPerCrossSideSlot", (double) f.heal().total().bytes() / f.crossSlots());
    r.put("healChangedCrossSideSlots", f.changedCrossSlots());
    r.put("quietAfterHeal", f.afterHeal().byKind());
    r.put(
        "invariants",
        "safety after each of "
            + f.safetyChecks()
            + " rounds; safety and convergence after heal + quiet: held");
    r.put("cpuSeconds", f.cpuSeconds());
    return r;
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
        "| N | converged after (virtual ms) | messages | bytes | of which Sync: messages / bytes"
            + " | bytes per node | cross-side slot copies learnt | of which changed during the cut"
            + " | bytes per slot learnt |\n"
            + "|---|---|---|---|---|---|---|---|---|\n");
    for (ScaleFigures f : runs) {
      Count sync = f.heal().of(ScaleFigures.SYNC);
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %s | %d | %d | %d / %d | %.0f | %d | %d | %.1f |%n",
              f.nodes(),
              f.healed().isPresent() ? String.valueOf(f.healed().getAsLong()) : "not converged",
              f.heal().total().messages(),
              f.heal().total().bytes(),
              sync.messages(),
              sync.bytes(),
              (double) f.heal().total().bytes() / f.nodes(),
              f.crossSlots(),
              f.changedCrossSlots(),
              (double) f.heal().total().bytes() / f.crossSlots()));
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
  private static String reading(ScaleFigures f) {
    Count digest = f.idleHeld();
    Count sync = f.heal().of(ScaleFigures.SYNC);
    boolean onlySyncs = sync.messages() == f.heal().total().messages();
    boolean quietIsDigests =
        f.afterHeal().total().messages() == f.afterHeal().of("Digest").messages();
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
        full width once any slot exists) and cannot grow further with more slots: a digest is the
        scope and three varints of at most 10 bytes each. In the simulation the issue's idle
        target (bytes at 100k slots within 2× of those at none) holds by construction; what grows
        is the number of peers. Real nodes add the failure
        detector's heartbeat, an empty batch to every
        peer each probe interval when nothing else went to it (`PeerLiveness`, impl/README.md),
        also O(N) per node; the simulated failure detector is an oracle that sends nothing, so
        the real figure is this plus the heartbeats (the real-node benchmark measures both).

        **At a heal.** Every node that sees a node of the other side come up sends it its whole
        local state (`Sync`): 2·(N/2)² = N²/2 messages, %d at N=%d, %d bytes, %.0f per node
        (which grows as N: each node learns the state of every node of the other side).
        %s%s
        Bytes per slot learnt stay at about %.0f at every N: the heal sends each slot it must
        teach once, because a partition makes each side drop the other side's slots (pg
        semantics: processes of an unreachable node leave the view). So the heal already costs
        the difference between the views; the difference is every slot of the other side. Only
        %d of those %d slot copies (%.0f%%) changed during the cut: a heal that kept a down
        peer's last copy out of the view, and compared digests per group when the peer comes
        back, would send those plus the digests. The figure depends on the churn against the
        slots held (here %d slots cluster-wide); with 10k slots per node and light churn it
        would be a small fraction. Convergence takes %d virtual ms at every N: the simulated
        failure detector's 50 ms plus one message, looked at every %d ms; the sync is pushed,
        not requested, so a heal is one round. Virtual time charges nothing for encoding or
        applying a sync, so how a real heal's time grows with N belongs to the real-node
        benchmark.

        **What would change it** (not done here: the issue's protocol work, to be measured with
        this run before and after).
        - Idle O(1) per node: send each digest interval one digest to one peer chosen at random
          (or a fixed few) instead of one to every peer: gossip-style anti-entropy as in
          Dynamo, Cassandra or ScaleCube. Every pair is still compared, within O(N) intervals on
          average, so repairing a lost last change takes longer; changes themselves still travel
          at once as ordered deltas. Heartbeats to every peer are the other O(N) term: a
          SWIM-style detector (probe one random peer per interval, indirect probes through a few
          others) makes them O(1) per node as well. Carrying the digest on the heartbeat would
          save a message per peer but stay O(N).
        - A heal by difference: keep a down peer's last synced copy (incarnation, sequence
          number, slots) hidden from the view instead of forgetting it, and keep a bounded log of
          recent local changes. When the peer is back, exchange (sequence number, hash) per group
          or per range of groups and send the deltas since the peer's sequence number, or the
          groups whose hashes differ, falling back to a full sync when the log does not reach
          back or the incarnation changed. A heal between sides that differ in k slot copies then
          costs O(k) slots plus O(groups) digest bytes instead of every slot of the other side.
        - No storm: even by difference, a heal is N²/2 pairwise exchanges. They are small then,
          but they all start at the same failure-detector report; jittering each pair's exchange
          over a digest interval spreads them out.
        """,
        f.bytesPerChange() / f.messagesPerChange(),
        (double) digest.bytes() / digest.messages(),
        ScaleFigures.perNodeSecond(digest, f.nodes(), false),
        ScaleFigures.perNodeSecond(digest, f.nodes(), true),
        f.nodes(),
        (double) digest.bytes() / f.idleEmpty().bytes(),
        f.nodes(),
        f.heal().total().messages(),
        f.nodes(),
        f.heal().total().bytes(),
        (double) f.heal().total().bytes() / f.nodes(),
        onlySyncs
            ? "Nothing else is sent until every view is right"
            : "Besides syncs it sent " + f.heal().byKind(),
        quietIsDigests
            ? ", and the quiet seconds after it carry digests only: no resync aftershock."
            : "; after it: " + f.afterHeal().byKind() + ".",
        (double) f.heal().total().bytes() / f.crossSlots(),
        f.changedCrossSlots(),
        f.crossSlots(),
        100.0 * f.changedCrossSlots() / f.crossSlots(),
        f.slotsHeld(),
        f.healed().orElse(-1),
        ScaleScenario.LOOK_EVERY);
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
