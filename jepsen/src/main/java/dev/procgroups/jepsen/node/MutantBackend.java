package dev.procgroups.jepsen.node;

import dev.procgroups.daemon.control.Health;
import dev.procgroups.daemon.control.Monitor;
import dev.procgroups.daemon.control.MonitorRead;
import dev.procgroups.daemon.control.NodeBackend;
import dev.procgroups.daemon.control.NodeStatus;
import dev.procgroups.daemon.control.PgCallException;
import dev.procgroups.daemon.control.Received;
import dev.procgroups.store.GroupEvent;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * TEST ONLY: a real node's backend with the {@link NodeMutant}s planted around it, so that the node
 * under test keeps the production wiring and only what the harness sees of it is broken.
 */
final class MutantBackend implements NodeBackend {
  private static final String LEFT = GroupEvent.Kind.LEFT.wireName();

  private final NodeBackend node;
  private final Set<NodeMutant> mutants;

  /** Processes "killed" under {@link NodeMutant#KILL_LEAVES_SLOTS}: forgotten, still running. */
  private final Set<String> forgotten = ConcurrentHashMap.newKeySet();

  private final AtomicLong leftEvents = new AtomicLong();

  MutantBackend(NodeBackend node, Set<NodeMutant> mutants) {
    this.node = node;
    this.mutants = Set.copyOf(mutants);
  }

  @Override
  public Health health() {
    return node.health();
  }

  @Override
  public NodeStatus status() {
    return node.status();
  }

  @Override
  public String metrics() {
    return node.metrics();
  }

  @Override
  public String spawn() throws PgCallException {
    return node.spawn();
  }

  @Override
  public void join(String pid, List<String> groups) throws PgCallException {
    node.join(known(pid), groups);
  }

  @Override
  public void leave(String pid, List<String> groups) throws PgCallException {
    node.leave(known(pid), groups);
  }

  @Override
  public List<String> getMembers(String pid, String group) throws PgCallException {
    return node.getMembers(known(pid), group);
  }

  @Override
  public List<String> getLocalMembers(String pid, String group) throws PgCallException {
    return node.getLocalMembers(known(pid), group);
  }

  @Override
  public List<String> whichGroups(String pid) throws PgCallException {
    return node.whichGroups(known(pid));
  }

  @Override
  public List<String> whichLocalGroups(String pid) throws PgCallException {
    return node.whichLocalGroups(known(pid));
  }

  /** {@link NodeMutant#DOUBLE_BROADCAST}: every broadcast goes out twice. */
  @Override
  public void broadcast(String pid, String group, String topic, Object payload)
      throws PgCallException {
    node.broadcast(known(pid), group, topic, payload);
    if (mutants.contains(NodeMutant.DOUBLE_BROADCAST)) {
      node.broadcast(pid, group, topic, payload);
    }
  }

  @Override
  public Monitor monitor(String pid, String group) throws PgCallException {
    return node.monitor(known(pid), group);
  }

  /** {@link NodeMutant#HIDE_MONITOR_EVENTS}: every second member.left event is not shown. */
  @Override
  public MonitorRead readMonitor(String subscription) throws PgCallException {
    MonitorRead read = node.readMonitor(subscription);
    if (!mutants.contains(NodeMutant.HIDE_MONITOR_EVENTS)) {
      return read;
    }
    List<MonitorRead.Event> shown =
        read.events().stream()
            .filter(e -> !LEFT.equals(e.kind()) || leftEvents.incrementAndGet() % 2 != 0)
            .toList();
    return new MonitorRead(read.group(), shown, read.dropped(), read.view());
  }

  @Override
  public List<Received> received(String pid) {
    return node.received(known(pid));
  }

  /** {@link NodeMutant#KILL_LEAVES_SLOTS}: the process is forgotten, not killed. */
  @Override
  public void kill(String pid) {
    if (mutants.contains(NodeMutant.KILL_LEAVES_SLOTS)) {
      forgotten.add(pid);
      return;
    }
    node.kill(pid);
  }

  private String known(String pid) {
    if (forgotten.contains(pid)) {
      throw new IllegalArgumentException("no process " + pid + " on " + node.health().node());
    }
    return pid;
  }
}
