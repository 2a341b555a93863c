package dev.procgroups.node;

import dev.procgroups.cluster.ClusterNode;
import dev.procgroups.cluster.InboundLanes;
import dev.procgroups.cluster.ReplicatedStore;
import dev.procgroups.metrics.ProcgroupsMetrics;
import dev.procgroups.pg.Pg;
import dev.procgroups.process.ProcessRuntime;
import dev.procgroups.registry.Registry;
import dev.procgroups.registry.RegistryException;
import dev.procgroups.store.MembershipStore;
import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.atomix.AtomixTransport;
import dev.procgroups.transport.atomix.AtomixTransportConfig;
import dev.procgroups.transport.atomix.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One running node, put together: the process runtime, the {@code pg.scope} registry, the pg
 * module, and replication of every scope over a real Atomix transport with a timer for
 * anti-entropy. This is the composition root the CLI, the conformance runner and the Jepsen node
 * daemon start; a Java service embedding procgroups starts one per JVM. Its threads and the bounded
 * queues in front of them: impl/README.md, "Threads and queues".
 */
public final class Node implements AutoCloseable {

  private final NodeConfig config;
  private final ProcessRuntime processes;
  private final Registry registry;
  private final AtomixTransport transport;
  private final ThreadPoolExecutor inbound;
  private final ProcgroupsMetrics metrics;
  private final ClusterNode cluster;
  private final Pg pg;
  private final ScheduledExecutorService timer;
  private final LongSupplier durationClock;

  private Node(NodeConfig config) throws RegistryException {
    this.config = config;
    this.durationClock =
        PlantedBug.WALL_CLOCK_TIMEOUTS.planted()
            ? config.clock()::wallMillis
            : config.clock()::monotonicMillis;
    long incarnation = incarnationAtStart(config);
    this.processes =
        ProcessRuntime.builder(config.name())
            .incarnation(incarnation)
            .mailboxCapacity(config.mailboxCapacity())
            .mailboxBytes(config.mailboxBytes())
            .build();
    this.registry = new Registry();
    for (Map.Entry<String, Map<String, Object>> scope : config.scopes().entrySet()) {
      registry.registerScope(scope.getKey(), scope.getValue());
    }
    this.transport =
        new AtomixTransport(
            AtomixTransportConfig.builder()
                .nodeName(config.name())
                .incarnation(incarnation)
                .bind(
                    config.bindHost(),
                    config.bindPort() == 0 ? FreePorts.next() : config.bindPort())
                .seeds(config.seeds())
                .swimProfile(config.swim())
                .secret(config.secret())
                .security(config.security())
                .inboundQueueBytes(config.transportQueueBytes())
                .maxConnectionsPerAddress(config.maxConnectionsPerAddress())
                .build());
    // One thread; a pool executor rather than Executors' wrapper so its backlog can be metered.
    // Its queue is unbounded, but messages enter it only through ClusterNode's bounded hand-off;
    // the rest (peer events, ticks, one flush per scope at a time) cannot pile up. With an
    // unbounded
    // queue it rejects only once closed: a peer event racing close() is then dropped, not logged as
    // an error.
    this.inbound =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            named(config.name() + "-replication"),
            new ThreadPoolExecutor.DiscardPolicy());
    this.metrics = new ProcgroupsMetrics(config.meters(), config.name());
    this.cluster =
        new ClusterNode(
            metrics.meter(transport),
            processes,
            config.replication(),
            durationClock,
            inbound,
            new InboundLanes(config.replicationQueueBytes(), config.deliveryQueueBytes()));
    metrics.node(cluster, transport, inbound.getQueue());
    metrics.processes(processes);
    processes.remoteRouter(cluster);
    this.pg = new Pg(config.name(), registry, config.policy(), processes, cluster);
    // Replicate every scope from its creation, before any process can open it.
    for (String scope : config.scopes().keySet()) {
      MembershipStore store = pg.store(scope).orElseThrow();
      cluster.addScope(scope, ReplicatedStore.of(store));
      metrics.scope(scope, store);
    }
    this.timer = Executors.newSingleThreadScheduledExecutor(named(config.name() + "-timer"));
  }

  /** Starts a node: joins the cluster through its seeds and begins anti-entropy. */
  public static Node start(NodeConfig config) throws RegistryException {
    Node node = new Node(config);
    node.transport.start();
    long period = Math.max(1, config.replication().digestInterval() / 4);
    node.timer.scheduleAtFixedRate(
        () -> node.cluster.tick(node.durationClock.getAsLong()),
        period,
        period,
        TimeUnit.MILLISECONDS);
    return node;
  }

  /**
   * The configured incarnation; else one larger than the last recorded in the data directory
   * ({@link IncarnationFile}); else, without a data directory, the wall clock's time in
   * centiseconds (larger at each start only while the clock does not step back).
   */
  private static long incarnationAtStart(NodeConfig config) {
    if (config.incarnation() > 0) {
      return config.incarnation();
    }
    long wall = config.clock().wallMillis();
    if (config.dataDir() == null) {
      return wall / 10;
    }
    try {
      return IncarnationFile.next(config.dataDir(), wall);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot record this start's incarnation in " + config.dataDir() + ": " + e.getMessage(),
          e);
    }
  }

  public NodeConfig config() {
    return config;
  }

  public NodeId id() {
    return transport.self();
  }

  /** The peers this node hears now (authenticated, within the failure detector's limit). */
  public List<NodeId> peersUp() {
    return transport.peersUp();
  }

  public ProcessRuntime processes() {
    return processes;
  }

  public Registry registry() {
    return registry;
  }

  public Pg pg() {
    return pg;
  }

  public ClusterNode cluster() {
    return cluster;
  }

  /** The port the transport listens on (the configured one, or a free one chosen for port 0). */
  public int port() {
    return transport.config().bindPort();
  }

  /** This node's meters (also in {@link NodeConfig#meters()}). */
  public ProcgroupsMetrics metrics() {
    return metrics;
  }

  /**
   * Messages the transport refused: failed authentication (a node with another cluster secret, or
   * none), replayed, or addressed to another node.
   */
  public long rejectedMessages() {
    return transport.rejectedMessages();
  }

  /** Stops the timer, the processes (their exit hooks leave their groups) and the transport. */
  @Override
  public void close() {
    timer.shutdownNow();
    processes.close();
    transport.close();
    inbound.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory named(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
