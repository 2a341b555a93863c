package dev.procgroups.jepsen.node;

import dev.procgroups.jepsen.control.Health;
import dev.procgroups.jepsen.control.Monitor;
import dev.procgroups.jepsen.control.MonitorRead;
import dev.procgroups.jepsen.control.NodeBackend;
import dev.procgroups.jepsen.control.PgCallException;
import dev.procgroups.jepsen.control.Received;
import dev.procgroups.cluster.ClusterNode;
import dev.procgroups.cluster.ReplicatedStore;
import dev.procgroups.pg.Pg;
import dev.procgroups.pg.PgException;
import dev.procgroups.pg.PgInstance;
import dev.procgroups.process.Message;
import dev.procgroups.process.Pid;
import dev.procgroups.process.ProcessRuntime;
import dev.procgroups.process.RunningProcess;
import dev.procgroups.registry.Registry;
import dev.procgroups.registry.RegistryException;
import dev.procgroups.replication.ReplicationSettings;
import dev.procgroups.security.SecurityPolicy;
import dev.procgroups.store.GroupEvent;
import dev.procgroups.store.MonitorSnapshot;
import dev.procgroups.store.Subscription;
import dev.procgroups.transport.atomix.AtomixTransport;
import dev.procgroups.transport.atomix.AtomixTransportConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real node as the Jepsen harness drives it: the process runtime, the pg module with one scope,
 * the cluster layer over the Atomix transport, and processes that log every message they
 * receive. Each control call acts as one of those processes through its own pg instance.
 */
final class PgNode implements NodeBackend, AutoCloseable {

  /** How often the cluster layer's timer runs (anti-entropy, silence detection). */
  private static final long TICK_MILLIS = 200;

  private final String scope;
  private final long incarnation;
  private final ProcessRuntime runtime;
  private final Pg pg;
  private final AtomixTransport transport;
  private final ScheduledExecutorService timers;
  private final Map<Pid, Logged> processes = new ConcurrentHashMap<>();
  private final Map<String, Watched> subscriptions = new ConcurrentHashMap<>();
  private final AtomicLong nextSubscription = new AtomicLong();
  private final Set<NodeMutant> mutants;
  private final AtomicLong leftEvents = new AtomicLong();

  /** A spawned process: its handle, its pg instance and everything it received, in order. */
  private record Logged(RunningProcess process, PgInstance pg, List<Message> received) {}

  /** An open subscription and its group. */
  private record Watched(Subscription subscription, String group, PgInstance pg) {}

  PgNode(AtomixTransportConfig transportConfig, String scope, ReplicationSettings settings, Set<NodeMutant> mutants)
      throws RegistryException {
    this.scope = scope;
    this.mutants = Set.copyOf(mutants);
    this.incarnation = transportConfig.incarnation();
    this.runtime = ProcessRuntime.builder(transportConfig.nodeName()).incarnation(incarnation).build();
    Registry registry = new Registry();
    registry.registerScope(scope, Map.of());
    this.transport = new AtomixTransport(transportConfig);
    this.timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "cluster"));
    ClusterNode cluster = new ClusterNode(transport, runtime, settings, System::currentTimeMillis, timers);
    runtime.remoteRouter(cluster);
    this.pg = new Pg(transportConfig.nodeName(), registry, SecurityPolicy.allowAll(), runtime, cluster);
    cluster.addScope(scope, ReplicatedStore.of(pg.store(scope).orElseThrow()));
    transport.start();
    timers.scheduleAtFixedRate(() -> cluster.tick(System.currentTimeMillis()), TICK_MILLIS, TICK_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public Health health() {
    return new Health(runtime.node(), incarnation, ProcessHandle.current().pid());
  }

  @Override
  public String spawn() throws PgCallException {
    List<Message> log = Collections.synchronizedList(new ArrayList<>());
    RunningProcess p = runtime.spawn(ctx -> {
      // Nobody listens to a topic, so every message lands in the inbox, also those sent before
      // this body got to run.
      while (true) {
        var r = ctx.inbox().receive();
        if (!r.ok()) {
          return;
        }
        log.add(r.value());
      }
    });
    try {
      processes.put(p.pid(), new Logged(p, pg.open(p, scope), log));
    } catch (PgException e) {
      p.kill();
      throw error(e);
    }
    return p.pid().toString();
  }

  @Override
  public void join(String pid, List<String> groups) throws PgCallException {
    call(() -> process(pid).pg().join(groups));
  }

  @Override
  public void leave(String pid, List<String> groups) throws PgCallException {
    call(() -> process(pid).pg().leave(groups));
  }

  @Override
  public List<String> getMembers(String pid, String group) throws PgCallException {
    return strings(get(() -> process(pid).pg().getMembers(group)));
  }

  @Override
  public List<String> getLocalMembers(String pid, String group) throws PgCallException {
    return strings(get(() -> process(pid).pg().getLocalMembers(group)));
  }

  @Override
  public List<String> whichGroups(String pid) throws PgCallException {
    return List.copyOf(get(() -> process(pid).pg().whichGroups()));
  }

  @Override
  public List<String> whichLocalGroups(String pid) throws PgCallException {
    return List.copyOf(get(() -> process(pid).pg().whichLocalGroups()));
  }

  @Override
  public void broadcast(String pid, String group, String topic, Object payload) throws PgCallException {
    call(() -> process(pid).pg().broadcast(group, topic, JsonPayload.toPg(payload)));
    if (mutants.contains(NodeMutant.DOUBLE_BROADCAST)) {
      call(() -> process(pid).pg().broadcast(group, topic, JsonPayload.toPg(payload)));
    }
  }

  @Override
  public Monitor monitor(String pid, String group) throws PgCallException {
    PgInstance instance = process(pid).pg();
    MonitorSnapshot snapshot = get(() -> instance.monitor(group));
    String id = "s" + nextSubscription.incrementAndGet();
    subscriptions.put(id, new Watched(snapshot.subscription(), group, instance));
    return new Monitor(id, strings(snapshot.members()));
  }

  @Override
  public MonitorRead readMonitor(String subscription) throws PgCallException {
    Watched w = Optional.ofNullable(subscriptions.get(subscription))
        .orElseThrow(() -> new IllegalArgumentException("no subscription " + subscription));
    List<MonitorRead.Event> events = new ArrayList<>();
    for (var r = w.subscription().channel().poll(); r.isPresent() && r.get().ok();
         r = w.subscription().channel().poll()) {
      GroupEvent e = r.get().value();
      if (mutants.contains(NodeMutant.HIDE_MONITOR_EVENTS) && e.kind() == GroupEvent.Kind.LEFT
          && leftEvents.incrementAndGet() % 2 == 0) {
        continue;
      }
      events.add(new MonitorRead.Event(e.kind().wireName(), e.group(), strings(e.pids())));
    }
    List<String> view = strings(get(() -> w.pg().getMembers(w.group())));
    return new MonitorRead(w.group(), events, w.subscription().dropped(), view);
  }

  @Override
  public List<Received> received(String pid) {
    synchronized (process(pid).received()) {
      return process(pid).received().stream()
          .map(m -> new Received(m.from().toString(), m.topic(), m.payload())).toList();
    }
  }

  @Override
  public void kill(String pid) {
    if (mutants.contains(NodeMutant.KILL_LEAVES_SLOTS)) {
      processes.remove(Pid.parse(pid));
      return;
    }
    RunningProcess p = process(pid).process();
    p.kill();
    try {
      // Reply once the exit hooks ran: the process's slots are gone by then.
      p.awaitExit(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    timers.shutdownNow();
    runtime.close();
    transport.close();
  }

  private Logged process(String pid) {
    Logged p = Pid.isPid(pid) ? processes.get(Pid.parse(pid)) : null;
    if (p == null) {
      throw new IllegalArgumentException("no process " + pid + " on " + runtime.node());
    }
    return p;
  }

  private static List<String> strings(List<Pid> pids) {
    return pids.stream().map(Pid::toString).toList();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @FunctionalInterface
  private interface PgCall {
    void run() throws PgException;
  }

  @FunctionalInterface
  private interface PgQuery<T> {
    T get() throws PgException;
  }

  private static void call(PgCall call) throws PgCallException {
    get(() -> {
      call.run();
      return null;
    });
  }

  private static <T> T get(PgQuery<T> query) throws PgCallException {
    try {
      return query.get();
    } catch (PgException e) {
      throw error(e);
    }
  }

  private static PgCallException error(PgException e) {
    return new PgCallException(e.kind().luaName(), e.getMessage());
  }
}
