package dev.procgroups.daemon;

import dev.procgroups.daemon.control.Health;
import dev.procgroups.daemon.control.Monitor;
import dev.procgroups.daemon.control.MonitorRead;
import dev.procgroups.daemon.control.NodeBackend;
import dev.procgroups.daemon.control.NodeStatus;
import dev.procgroups.daemon.control.PgCallException;
import dev.procgroups.daemon.control.Received;
import dev.procgroups.node.Node;
import dev.procgroups.pg.PgException;
import dev.procgroups.pg.PgInstance;
import dev.procgroups.process.Message;
import dev.procgroups.process.Pid;
import dev.procgroups.process.RunningProcess;
import dev.procgroups.store.GroupEvent;
import dev.procgroups.store.MembershipStore;
import dev.procgroups.store.MonitorSnapshot;
import dev.procgroups.store.Subscription;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The control endpoint's view of a {@link Node}: a thin adapter that acts as one of the node's
 * processes through its own pg instance for every control call, each process logging every message
 * it receives. The node is started by {@link Node#start} like any other, so a client of the control
 * endpoint (the Jepsen suite) tests the wiring users run (meters included); a {@link NodeDecorator}
 * may wrap this adapter (the Jepsen module's planted node bugs).
 */
final class PgNode implements NodeBackend, AutoCloseable {

  private final Node node;
  private final String scope;
  private final Map<Pid, Logged> processes = new ConcurrentHashMap<>();
  private final Map<String, Watched> subscriptions = new ConcurrentHashMap<>();
  private final AtomicLong nextSubscription = new AtomicLong();

  /** A spawned process: its handle, its pg instance and everything it received, in order. */
  private record Logged(RunningProcess process, PgInstance pg, List<Message> received) {}

  /** An open subscription and its group. */
  private record Watched(Subscription subscription, String group, PgInstance pg) {}

  /** Adapts {@code node}, whose config must host {@code scope}. */
  PgNode(Node node, String scope) {
    if (!node.config().scopes().containsKey(scope)) {
      throw new IllegalArgumentException("the node does not host scope " + scope);
    }
    this.node = node;
    this.scope = scope;
  }

  @Override
  public Health health() {
    return new Health(
        node.config().name(), node.config().incarnation(), ProcessHandle.current().pid());
  }

  @Override
  public NodeStatus status() {
    List<NodeStatus.Peer> peers =
        node.peersUp().stream()
            .map(p -> new NodeStatus.Peer(p.name(), p.incarnation()))
            .sorted(java.util.Comparator.comparing(NodeStatus.Peer::name))
            .toList();
    List<NodeStatus.Scope> scopes = new ArrayList<>();
    for (String id : new java.util.TreeSet<>(node.config().scopes().keySet())) {
      MembershipStore store = node.pg().store(id).orElseThrow();
      int slots = 0;
      int local = 0;
      Set<String> groups = store.groups();
      for (String group : groups) {
        slots += store.members(group).size();
        local += store.localMembers(group).size();
      }
      scopes.add(new NodeStatus.Scope(id, groups.size(), slots, local));
    }
    Health self = health();
    return new NodeStatus(self.node(), self.incarnation(), self.osPid(), peers, scopes);
  }

  /** The node's meters, if they are a Prometheus registry (the daemon's are). */
  @Override
  public String metrics() {
    if (node.config().meters() instanceof PrometheusMeterRegistry prometheus) {
      return prometheus.scrape();
    }
    throw new IllegalStateException("this node's meters are not a Prometheus registry");
  }

  @Override
  public String spawn() throws PgCallException {
    List<Message> log = Collections.synchronizedList(new ArrayList<>());
    RunningProcess p =
        node.processes()
            .spawn(
                ctx -> {
                  // Nobody listens to a topic, so every message lands in the inbox, also those sent
                  // before
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
      processes.put(p.pid(), new Logged(p, node.pg().open(p, scope), log));
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
  public void broadcast(String pid, String group, String topic, Object payload)
      throws PgCallException {
    call(() -> process(pid).pg().broadcast(group, topic, JsonPayload.toPg(payload)));
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
    Watched w =
        Optional.ofNullable(subscriptions.get(subscription))
            .orElseThrow(() -> new IllegalArgumentException("no subscription " + subscription));
    List<MonitorRead.Event> events = new ArrayList<>();
    for (var r = w.subscription().channel().poll();
        r.isPresent() && r.get().ok();
        r = w.subscription().channel().poll()) {
      GroupEvent e = r.get().value();
      events.add(new MonitorRead.Event(e.kind().wireName(), e.group(), strings(e.pids())));
    }
    List<String> view = strings(get(() -> w.pg().getMembers(w.group())));
    return new MonitorRead(w.group(), events, w.subscription().dropped(), view);
  }

  @Override
  public List<Received> received(String pid) {
    synchronized (process(pid).received()) {
      return process(pid).received().stream()
          .map(m -> new Received(m.from().toString(), m.topic(), m.payload()))
          .toList();
    }
  }

  @Override
  public void kill(String pid) {
    RunningProcess p = process(pid).process();
    p.kill();
    try {
      // Reply once the exit hooks ran: the process's slots are gone by then.
      p.awaitExit(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the node (its processes' exit hooks leave their groups). */
  @Override
  public void close() {
    node.close();
  }

  private Logged process(String pid) {
    Logged p = Pid.isPid(pid) ? processes.get(Pid.parse(pid)) : null;
    if (p == null) {
      throw new IllegalArgumentException("no process " + pid + " on " + node.config().name());
    }
    return p;
  }

  private static List<String> strings(List<Pid> pids) {
    return pids.stream().map(Pid::toString).toList();
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
    get(
        () -> {
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
