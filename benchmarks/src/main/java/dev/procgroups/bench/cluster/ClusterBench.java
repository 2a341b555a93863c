package dev.procgroups.bench.cluster;

import dev.procgroups.node.Node;
import dev.procgroups.node.NodeConfig;
import dev.procgroups.pg.PgException;
import dev.procgroups.registry.RegistryException;
import dev.procgroups.store.MembershipStore;
import dev.procgroups.transport.atomix.FreePorts;
import dev.procgroups.transport.atomix.SeedMember;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cluster benchmark of issue 4, on the real stack: this JVM runs the observer node, two worker
 * JVMs run the workers, all three are Atomix members on 127.0.0.1. For each shape, fresh workers
 * spawn N processes between them, then (each phase timed from the command to the workers until the
 * observer's view is complete) all join, all leave, all join again, and worker 1 is killed with
 * {@code kill -9}. Then, with a fresh pair: single-join latency at rest, broadcast deliveries and
 * failure detection; last, partition and heal in a private network namespace.
 */
public final class ClusterBench {

  private final ClusterBenchSettings settings;
  private final List<String> workerJvmOptions;
  private final Duration timeout;
  private final PrintStream progress;
  private final List<SeedMember> seeds = new ArrayList<>();
  private final Path logDir;
  private long lastIncarnation;
  private MembershipStore store;
  private SlotWatch watch;

  public ClusterBench(
      ClusterBenchSettings settings, List<String> workerJvmOptions, PrintStream progress)
      throws IOException {
    this.settings = settings;
    this.workerJvmOptions = List.copyOf(workerJvmOptions);
    this.timeout = Duration.ofSeconds(settings.phaseTimeoutSeconds());
    this.progress = progress;
    this.logDir = Files.createTempDirectory("procgroups-bench-");
    if (settings.tls()) {
      BenchTls.enable(logDir.resolve("tls"));
    }
    for (String name : List.of("observer", "w1", "w2")) {
      seeds.add(new SeedMember(name, "127.0.0.1", FreePorts.next()));
    }
  }

  /** Runs every part; {@code command} is recorded as the command line that produced the figures. */
  public ClusterReport run(String command) throws RegistryException, PgException {
    double loadAtStart = loadAverage();
    String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    progress.println("worker logs: " + logDir);
    try (Node observer =
        Node.start(
            NodeConfig.builder("observer")
                .incarnation(nextIncarnation())
                .bind(seeds.get(0).host(), seeds.get(0).port())
                .seeds(seeds)
                .scope(WorkerProtocol.SCOPE, SlotWatch.OBSERVER_SCOPE)
                .secret(BenchSecret.ofThisRun())
                .security(BenchTls.forNode("observer"))
                .build())) {
      store = observer.pg().store(WorkerProtocol.SCOPE).orElseThrow();
      watch = new SlotWatch(store);
      List<ShapeResult> shapes = new ArrayList<>();
      for (int groups : settings.shapes()) {
        shapes.add(shape(groups));
        progress.println(shapes.get(shapes.size() - 1));
        // Inbound backpressure drops replication messages (repaired by resyncs, which cost time).
        progress.println(
            "observer so far: "
                + observer.cluster().droppedProtocolMessages()
                + " replication messages dropped (inbound queue full), "
                + observer.cluster().resyncRequests()
                + " resyncs asked");
      }
      try (WorkerPair pair = startPair()) {
        pair.call("SPAWN 0 0", timeout);
        awaitConnected(pair);
        ClusterReport.Latency latency =
            new LatencyProbe(store, pair, timeout)
                .measure(
                    settings.latencySamples(), settings.warmupRounds() * settings.latencySamples());
        progress.println(latency);
        BroadcastRun broadcast = new BroadcastRun(observer, pair, watch, timeout);
        ClusterReport.Broadcast fanout =
            broadcast.measure(settings.broadcastMembers(), settings.broadcastMessages());
        progress.println(fanout);
        ClusterReport.FailureDetection detection = failureDetection(pair, broadcast);
        progress.println(detection);
        pair.close();
        ClusterReport.PartitionHeal heal = partitionHeal();
        progress.println(heal);
        return new ClusterReport(
            date,
            command,
            machine(loadAtStart),
            settings,
            shapes,
            latency,
            fanout,
            detection,
            heal);
      }
    } finally {
      if (watch != null) {
        watch.close();
      }
    }
  }

  private ShapeResult shape(int groups) {
    int n = settings.processes();
    int half = n / 2;
    String prefix = "s" + groups + "-";
    ExpectedSlots all = ExpectedSlots.of(prefix, groups, 0, n);
    ExpectedSlots none = ExpectedSlots.none(prefix, groups);
    progress.println("shape: " + n + " processes in " + groups + " groups");
    try (WorkerPair pair = startPair()) {
      pair.send("SPAWN 0 " + half, "SPAWN " + half + " " + n);
      pair.await("spawn", timeout);
      awaitConnected(pair);
      PhaseTime firstJoin = warmUp(pair, groups);
      String join = "JOIN " + prefix + " " + groups;
      PhaseTime joined = timed(pair, join, all, "join");
      PhaseTime left = timed(pair, "LEAVE " + prefix + " " + groups, none, "leave");
      PhaseTime rejoined = timed(pair, join, all, "rejoin");
      long killStart = System.nanoTime();
      pair.first().kill();
      long killed =
          watch.await(ExpectedSlots.of(prefix, groups, half, n), "kill", timeout) - killStart;
      pair.second().kill();
      watch.await(none, "second kill", timeout);
      return ShapeResult.of(
          groups, n, firstJoin == null ? joined : firstJoin, joined, left, rejoined, half, killed);
    }
  }

  /**
   * All-join + all-leave rounds in other groups of the same shape, to warm the JITs; returns the
   * first round's join (the JVMs' first, cold), or null without warm-up rounds.
   */
  private PhaseTime warmUp(WorkerPair pair, int groups) {
    String prefix = "warm" + groups + "-";
    PhaseTime first = null;
    for (int round = 0; round < settings.warmupRounds(); round++) {
      PhaseTime join =
          timed(
              pair,
              "JOIN " + prefix + " " + groups,
              ExpectedSlots.of(prefix, groups, 0, settings.processes()),
              "warm-up join");
      first = first == null ? join : first;
      timed(
          pair,
          "LEAVE " + prefix + " " + groups,
          ExpectedSlots.none(prefix, groups),
          "warm-up leave");
    }
    return first;
  }

  /**
   * Sends {@code command} to both workers and times it until the observer sees {@code expected}.
   */
  private PhaseTime timed(WorkerPair pair, String command, ExpectedSlots expected, String phase) {
    long workersBefore = pair.cpuNanos(timeout);
    long observerBefore = ProcessCpu.nanos();
    long start = System.nanoTime();
    pair.send(command, command);
    long seen = watch.await(expected, phase, timeout);
    long observerCpu = ProcessCpu.nanos() - observerBefore;
    double workerMillis = pair.awaitMillis(phase, timeout);
    return new PhaseTime(
        seen - start,
        workerMillis,
        observerCpu + pair.cpuNanos(timeout) - workersBefore,
        observerCpu);
  }

  /** Each worker's probe joins a group; once the observer sees both, replication is up. */
  private void awaitConnected(WorkerPair pair) {
    pair.call("JOIN1 ready", timeout);
    watch.await(new ExpectedSlots(Map.of("ready", 2)), "connect", timeout);
    pair.call("LEAVE1 ready", timeout);
    watch.await(new ExpectedSlots(Map.of("ready", 0)), "connect", timeout);
  }

  private ClusterReport.FailureDetection failureDetection(WorkerPair pair, BroadcastRun broadcast) {
    pair.first().call("JOIN1 fd", timeout);
    watch.await(
        new ExpectedSlots(Map.of("fd", 1, BroadcastRun.GROUP, broadcast.members())),
        "failure detection",
        timeout);
    long start = System.nanoTime();
    pair.first().kill();
    long gone =
        watch.await(
            new ExpectedSlots(
                Map.of(
                    "fd",
                    0,
                    BroadcastRun.GROUP,
                    broadcast.members() - broadcast.firstWorkerShare())),
            "failure detection",
            timeout);
    return new ClusterReport.FailureDetection(
        1 + broadcast.firstWorkerShare(), Rates.millis(gone - start));
  }

  private ClusterReport.PartitionHeal partitionHeal() {
    if (settings.partitionSlots() == 0) {
      return ClusterReport.PartitionHeal.notMeasured("skipped (partition slots 0)");
    }
    return new PartitionHealRun(
            settings.partitionSlots(),
            settings.partitionGroups(),
            settings.concurrency(),
            workerJvmOptions,
            logDir,
            timeout)
        .measure(nextIncarnation());
  }

  private WorkerPair startPair() {
    return WorkerPair.start(
        new WorkerJvm.Launch(
            seeds, settings.concurrency(), nextIncarnation(), workerJvmOptions, logDir),
        timeout);
  }

  /**
   * A new, larger incarnation for every start (worker names come back after a kill); seconds, since
   * milliseconds pass {@code ProcessRuntime.MAX_INCARNATION}.
   */
  private long nextIncarnation() {
    lastIncarnation = Math.max(lastIncarnation + 1, System.currentTimeMillis() / 1000);
    return lastIncarnation;
  }

  private static ClusterReport.Machine machine(double loadAtStart) {
    return new ClusterReport.Machine(
        Runtime.getRuntime().availableProcessors(),
        Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ")",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        loadAtStart,
        loadAverage());
  }

  /** The 1-minute load average: how much else ran on the machine. */
  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
