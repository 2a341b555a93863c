package dev.procgroups.flood;

import dev.procgroups.metrics.ProcgroupsMetrics;
import dev.procgroups.node.LocalCluster;
import dev.procgroups.node.Node;
import dev.procgroups.node.NodeConfig;
import dev.procgroups.pg.PgException;
import dev.procgroups.pg.PgInstance;
import dev.procgroups.process.Channel;
import dev.procgroups.process.Message;
import dev.procgroups.security.SecurityPolicy;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Three real nodes in this JVM (Atomix on loopback). Node n1 floods: {@code workers} processes at a
 * time, each joining and leaving random groups as fast as it can for a random number of rounds,
 * then exiting while holding its last slots, replaced at once. Nodes n2 and n3 broadcast to a group
 * with a draining member on every node. A sampler compares n1's local slot count with each
 * observer's count of n1's slots; after the flood, the run waits for exact convergence.
 */
final class FloodRun {
  static final String SCOPE = "app:pg";
  private static final String SINK = "sink";
  private static final int FLOOD_GROUPS = 8;
  private static final int MAX_SLOTS_PER_ROUND = 32;
  private static final int MAX_ROUNDS = 50;

  /** A broadcaster waits while its own node's sink member is this far behind (bounds mailboxes). */
  private static final long BROADCAST_WINDOW = 10_000;

  private static final long SAMPLE_MILLIS = 10;

  /** How often a full collection measures the live heap (each costs the run some 0.1 s). */
  private static final long LIVE_SAMPLE_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final Duration flood;
  private final int workers;
  private final Duration convergenceBound;
  private final Consumer<NodeConfig.Builder> tune;
  private final ClusterViews views = new ClusterViews(SCOPE);
  private final AtomicBoolean flooding = new AtomicBoolean(true);
  private final AtomicLong slotOps = new AtomicLong();
  private final AtomicLong processes = new AtomicLong();
  private final AtomicLong broadcasts = new AtomicLong();

  /** Sink deliveries by node index (0 = n1). */
  private final AtomicLongArray received = new AtomicLongArray(3);

  /**
   * The switch that takes the bounds away (inbound lanes and mailboxes as large as a long and an
   * int allow): the unbounded code, which the flood's heap bound must catch. Tests only.
   */
  static final Consumer<NodeConfig.Builder> UNBOUNDED =
      config ->
          config
              .transportQueueBytes(Long.MAX_VALUE)
              .deliveryQueueBytes(Long.MAX_VALUE)
              .replicationQueueBytes(Long.MAX_VALUE)
              .mailboxCapacity(Integer.MAX_VALUE)
              .mailboxBytes(Long.MAX_VALUE);

  FloodRun(Duration flood, int workers, Duration convergenceBound) {
    this(flood, workers, convergenceBound, config -> {});
  }

  /** A flood over nodes whose configs {@code tune} adjusts (no bounds: tests). */
  FloodRun(
      Duration flood, int workers, Duration convergenceBound, Consumer<NodeConfig.Builder> tune) {
    this.tune = tune;
    this.flood = flood;
    this.workers = workers;
    this.convergenceBound = convergenceBound;
  }

  FloodResult run() throws Exception {
    long baseline = HeapWatch.liveAfterFullGc();
    FloodResult.Builder result = new FloodResult.Builder(baseline);
    try (HeapWatch heap = new HeapWatch();
        LocalCluster cluster =
            new LocalCluster(3, Map.of(SCOPE, Map.of()), SecurityPolicy.allowAll(), tune)) {
      List<Node> nodes = cluster.nodes();
      for (int i = 0; i < nodes.size(); i++) {
        spawnSink(nodes.get(i), i);
      }
      // Every sink member seen everywhere: the replication links are up.
      awaitUntil(
          () ->
              nodes.stream()
                  .allMatch(n -> n.pg().store(SCOPE).orElseThrow().members(SINK).size() == 3),
          Duration.ofSeconds(30),
          "sink members seen everywhere");

      Semaphore slots = new Semaphore(workers);
      Thread spawner = new Thread(() -> spawnWorkers(nodes.get(0), slots), "flood-spawner");
      spawner.start();
      spawnBroadcaster(nodes.get(1), 1);
      spawnBroadcaster(nodes.get(2), 2);

      LagSampler lag = new LagSampler(nodes.size() - 1);
      BacklogSampler backlog = new BacklogSampler();
      long start = System.nanoTime();
      long end = start + flood.toNanos();
      long nextLive = start + LIVE_SAMPLE_NANOS;
      while (System.nanoTime() < end) {
        lag.sample(nodes);
        heap.sample();
        if (System.nanoTime() >= nextLive) {
          heap.sampleLive();
          nextLive += LIVE_SAMPLE_NANOS;
        }
        backlog.sample(nodes, received.get(0));
        Thread.sleep(SAMPLE_MILLIS);
      }
      flooding.set(false);
      spawner.join(TimeUnit.SECONDS.toMillis(30));
      boolean workersDone = slots.tryAcquire(workers, 30, TimeUnit.SECONDS);
      double seconds = (System.nanoTime() - start) / 1e9;

      long stopped = System.nanoTime();
      long deadline = stopped + convergenceBound.toNanos();
      long catchUp = -1;
      while (workersDone && System.nanoTime() < deadline) {
        heap.sample();
        if (views.converged(nodes)) {
          catchUp = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped);
          break;
        }
        Thread.sleep(SAMPLE_MILLIS);
      }
      result
          .load(seconds, slotOps.get(), processes.get(), broadcasts.get())
          .lag(lag.max(), lag.mean(), lag.longestBehindMillis(), catchUp)
          .heap(heap.peakUsed(), heap.peakAfterGc(), heap.peakLive())
          .backlog(
              backlog.maxInboundQueue(), backlog.maxFlooderSinkBehind(), backlog.maxInboundBytes())
          .drops(drops(nodes));
    }
    return result.build(HeapWatch.liveAfterFullGc());
  }

  /** What the bounds dropped, summed over the nodes, and the resyncs that repaired it. */
  private static Map<String, Long> drops(List<Node> nodes) {
    Map<String, Long> drops = new LinkedHashMap<>();
    drops.put(
        "protocol", nodes.stream().mapToLong(n -> n.cluster().droppedProtocolMessages()).sum());
    drops.put("delivery", nodes.stream().mapToLong(n -> n.cluster().droppedDeliveries()).sum());
    drops.put(
        "batch",
        nodes.stream()
            .mapToLong(n -> count(n, ProcgroupsMetrics.INBOUND_DROPPED, "kind", "batch"))
            .sum());
    drops.put("mailbox", nodes.stream().mapToLong(n -> n.processes().droppedMessages()).sum());
    drops.put("resyncs", nodes.stream().mapToLong(n -> n.cluster().resyncRequests()).sum());
    return drops;
  }

  private static long count(Node node, String meter, String key, String value) {
    return (long) node.metrics().registry().get(meter).tag(key, value).functionCounter().count();
  }

  /** Keeps {@code workers} flooding processes alive on n1 until the flood ends. */
  private void spawnWorkers(Node flooder, Semaphore slots) {
    try {
      while (flooding.get()) {
        if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
          continue;
        }
        processes.incrementAndGet();
        flooder
            .processes()
            .spawn(
                ctx -> {
                  try {
                    churn(flooder.pg().open(ctx.handle(), SCOPE));
                  } finally {
                    slots.release();
                  }
                });
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Rounds of join-then-leave; the last round's joins stay until the process exits. */
  private void churn(PgInstance pg) throws PgException {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int rounds = 1 + random.nextInt(MAX_ROUNDS);
    for (int round = 0; round < rounds && flooding.get(); round++) {
      List<String> groups = new ArrayList<>();
      int n = 1 + random.nextInt(MAX_SLOTS_PER_ROUND);
      for (int i = 0; i < n; i++) {
        groups.add("f" + random.nextInt(FLOOD_GROUPS));
      }
      pg.join(groups);
      slotOps.addAndGet(n);
      if (round < rounds - 1) {
        pg.leave(groups);
        slotOps.addAndGet(n);
      }
    }
  }

  private void spawnSink(Node node, int index) throws InterruptedException {
    Semaphore joined = new Semaphore(0);
    node.processes()
        .spawn(
            ctx -> {
              Channel<Message> ticks = ctx.listen("tick");
              node.pg().open(ctx.handle(), SCOPE).join(SINK);
              joined.release();
              while (ticks.receive().ok()) {
                received.incrementAndGet(index);
              }
            });
    if (!joined.tryAcquire(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the sink member of " + node.id() + " did not start");
    }
  }

  private void spawnBroadcaster(Node node, int index) {
    node.processes()
        .spawn(
            ctx -> {
              PgInstance pg = node.pg().open(ctx.handle(), SCOPE);
              long sent = 0;
              while (flooding.get()) {
                if (sent - received.get(index) > BROADCAST_WINDOW) {
                  Thread.sleep(1);
                  continue;
                }
                pg.broadcast(SINK, "tick", sent++);
                broadcasts.incrementAndGet();
              }
            });
  }

  private static void awaitUntil(BooleanSupplier condition, Duration bound, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out: " + what);
      }
      Thread.sleep(SAMPLE_MILLIS);
    }
  }

  /**
   * The largest replication-thread backlog of each node and how far n1's sink member fell behind.
   */
  private final class BacklogSampler {
    private final long[] maxInbound = new long[3];
    private final long[] maxBytes = new long[3];
    private long maxSinkBehind;

    void sample(List<Node> nodes, long flooderSinkReceived) {
      for (int i = 0; i < nodes.size(); i++) {
        MeterRegistry meters = nodes.get(i).metrics().registry();
        double queued = meters.get(ProcgroupsMetrics.INBOUND_QUEUE).gauge().value();
        maxInbound[i] = Math.max(maxInbound[i], (long) queued);
        double bytes =
            meters.get(ProcgroupsMetrics.INBOUND_BYTES).gauges().stream()
                .mapToDouble(Gauge::value)
                .sum();
        maxBytes[i] = Math.max(maxBytes[i], (long) bytes);
      }
      maxSinkBehind = Math.max(maxSinkBehind, broadcasts.get() - flooderSinkReceived);
    }

    List<Long> maxInboundQueue() {
      return Arrays.stream(maxInbound).boxed().toList();
    }

    List<Long> maxInboundBytes() {
      return Arrays.stream(maxBytes).boxed().toList();
    }

    long maxFlooderSinkBehind() {
      return maxSinkBehind;
    }
  }

  /** How far each observer's count of n1's slots is from n1's own count, over time. */
  private final class LagSampler {
    private final long[] behindSince;
    private long max;
    private long sum;
    private long samples;
    private long longestBehind;

    LagSampler(int observers) {
      behindSince = new long[observers];
      Arrays.fill(behindSince, -1);
    }

    void sample(List<Node> nodes) {
      long now = System.nanoTime();
      int local = views.localSlots(nodes.get(0));
      String origin = nodes.get(0).config().name();
      for (int i = 1; i < nodes.size(); i++) {
        long lag = Math.abs(local - views.slotsOf(nodes.get(i), origin));
        max = Math.max(max, lag);
        sum += lag;
        samples++;
        if (lag == 0) {
          behindSince[i - 1] = -1;
        } else if (behindSince[i - 1] < 0) {
          behindSince[i - 1] = now;
        } else {
          longestBehind = Math.max(longestBehind, now - behindSince[i - 1]);
        }
      }
    }

    long max() {
      return max;
    }

    double mean() {
      return samples == 0 ? 0 : (double) sum / samples;
    }

    long longestBehindMillis() {
      return TimeUnit.NANOSECONDS.toMillis(longestBehind);
    }
  }
}
