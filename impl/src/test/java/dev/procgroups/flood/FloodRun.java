package dev.procgroups.flood;

import dev.procgroups.daemon.LocalCluster;
import dev.procgroups.daemon.Node;
import dev.procgroups.metrics.ProcgroupsMetrics;
import dev.procgroups.pg.PgException;
import dev.procgroups.pg.PgInstance;
import dev.procgroups.process.Channel;
import dev.procgroups.process.Message;
import dev.procgroups.replication.ReplicationSettings;
import dev.procgroups.security.SecurityPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;

/**
 * Three real nodes in this JVM (Atomix on loopback). Node n1 floods: {@code workers} processes at
 * a time, each joining and leaving random groups as fast as it can for a random number of rounds,
 * then exiting while holding its last slots, replaced at once. Nodes n2 and n3 broadcast to a
 * group with a draining member on every node. A sampler compares n1's local slot count with each
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

  private final Duration flood;
  private final int workers;
  private final Duration convergenceBound;
  private final ReplicationSettings replication;
  private final ClusterViews views = new ClusterViews(SCOPE);
  private final AtomicBoolean flooding = new AtomicBoolean(true);
  private final AtomicLong slotOps = new AtomicLong();
  private final AtomicLong processes = new AtomicLong();
  private final AtomicLong broadcasts = new AtomicLong();
  /** Sink deliveries by node index (0 = n1). */
  private final AtomicLongArray received = new AtomicLongArray(3);

  FloodRun(Duration flood, int workers, Duration convergenceBound) {
    this(flood, workers, convergenceBound, ReplicationSettings.defaults());
  }

  /** A flood over nodes with the given protocol settings (planted bugs, in tests). */
  FloodRun(Duration flood, int workers, Duration convergenceBound, ReplicationSettings replication) {
    this.replication = replication;
    this.flood = flood;
    this.workers = workers;
    this.convergenceBound = convergenceBound;
  }

  FloodResult run() throws Exception {
    long baseline = HeapWatch.liveAfterFullGc();
    FloodResult.Builder result = new FloodResult.Builder(baseline);
    try (HeapWatch heap = new HeapWatch();
         LocalCluster cluster = new LocalCluster(3, Map.of(SCOPE, Map.of()),
             SecurityPolicy.allowAll(), replication)) {
      List<Node> nodes = cluster.nodes();
      for (int i = 0; i < nodes.size(); i++) {
        spawnSink(nodes.get(i), i);
      }
      // Every sink member seen everywhere: the replication links are up.
      awaitUntil(() -> nodes.stream().allMatch(n -> n.pg().store(SCOPE).orElseThrow()
          .members(SINK).size() == 3), Duration.ofSeconds(30), "sink members seen everywhere");

      Semaphore slots = new Semaphore(workers);
      Thread spawner = new Thread(() -> spawnWorkers(nodes.get(0), slots), "flood-spawner");
      spawner.start();
      spawnBroadcaster(nodes.get(1), 1);
      spawnBroadcaster(nodes.get(2), 2);

      LagSampler lag = new LagSampler(nodes.size() - 1);
      BacklogSampler backlog = new BacklogSampler();
      long start = System.nanoTime();
      long end = start + flood.toNanos();
      while (System.nanoTime() < end) {
        lag.sample(nodes);
        heap.sample();
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
      result.load(seconds, slotOps.get(), processes.get(), broadcasts.get())
          .lag(lag.max(), lag.mean(), lag.longestBehindMillis(), catchUp)
          .heap(heap.peakUsed(), heap.peakAfterGc())
          .backlog(backlog.maxInboundQueue(), backlog.maxFlooderSinkBehind());
    }
    return result.build(HeapWatch.liveAfterFullGc());
  }

  /** Keeps {@code workers} flooding processes alive on n1 until the flood ends. */
  private void spawnWorkers(Node flooder, Semaphore slots) {
    try {
      while (flooding.get()) {
        if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
          continue;
        }
        processes.incrementAndGet();
        flooder.processes().spawn(ctx -> {
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
    node.processes().spawn(ctx -> {
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
    node.processes().spawn(ctx -> {
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

  private static void awaitUntil(BooleanSupplier condition, Duration bound,
      String what) throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out: " + what);
      }
      Thread.sleep(SAMPLE_MILLIS);
    }
  }

  /** The largest replication-thread backlog of each node and how far n1's sink member fell behind. */
  private final class BacklogSampler {
    private final long[] maxInbound = new long[3];
    private long maxSinkBehind;

    void sample(List<Node> nodes, long flooderSinkReceived) {
      for (int i = 0; i < nodes.size(); i++) {
        double queued = nodes.get(i).metrics().registry().get(ProcgroupsMetrics.INBOUND_QUEUE)
            .gauge().value();
        maxInbound[i] = Math.max(maxInbound[i], (long) queued);
      }
      maxSinkBehind = Math.max(maxSinkBehind, broadcasts.get() - flooderSinkReceived);
    }

    List<Long> maxInboundQueue() {
      return Arrays.stream(maxInbound).boxed().toList();
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
