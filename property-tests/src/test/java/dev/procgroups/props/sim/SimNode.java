package dev.procgroups.props.sim;

import dev.procgroups.node.ClusterNode;
import dev.procgroups.node.ScopeReplica;
import dev.procgroups.process.MessageSink;
import dev.procgroups.process.Pid;
import dev.procgroups.replication.ReplicationSettings;
import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.sim.SimNetwork;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One start of one simulated node: its store, its replication driver on the simulated network,
 * its live processes, and what the test knows they joined (the local truth), kept apart from the
 * store so that the store's local view can be checked against it.
 */
final class SimNode implements MessageSink {
  static final String SCOPE = "app:sim";
  static final long TICK = 100;

  final NodeId id;
  final TestStore store;
  final ScopeReplica replica;
  /** Live local pids, each with the groups of its slots in the order it joined them. */
  final Map<String, List<String>> truth = new LinkedHashMap<>();
  private final BroadcastLedger ledger;
  private long nextPid;

  SimNode(NodeId id, SimNetwork network, ReplicationSettings settings,
      boolean dropResyncDiffEvents, BroadcastLedger ledger) {
    this.id = id;
    this.ledger = ledger;
    this.nextPid = id.incarnation() << 24;
    this.store = new TestStore(id.name(), dropResyncDiffEvents);
    ClusterNode node = new ClusterNode(network.start(id), this, settings, network::now);
    this.replica = node.addScope(SCOPE, store);
    network.every(id, TICK, node::tick);
  }

  String spawn() {
    String pid = new Pid(id.name(), "app:processes", nextPid++).toString();
    truth.put(pid, new ArrayList<>());
    return pid;
  }

  /** The live process at {@code index} modulo their number, or null if there is none. */
  String proc(int index) {
    if (truth.isEmpty()) {
      return null;
    }
    return new ArrayList<>(truth.keySet()).get(Math.floorMod(index, truth.size()));
  }

  void join(String pid, List<String> groups) {
    truth.get(pid).addAll(groups);
    store.join(pid, groups);
  }

  void leave(String pid, List<String> groups) {
    List<String> mine = truth.get(pid);
    for (String g : groups) {
      int last = mine.lastIndexOf(g);
      if (last >= 0) {
        mine.remove(last);
      }
    }
    store.leave(pid, groups);
  }

  void exit(String pid) {
    truth.remove(pid);
    store.exit(pid);
  }

  /** The local slots the test expects, by group. */
  Map<String, List<String>> expectedLocal() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    truth.forEach((pid, groups) -> groups.forEach(
        g -> out.computeIfAbsent(g, k -> new ArrayList<>()).add(pid)));
    return out;
  }

  @Override
  public boolean deliver(Pid to, Pid from, String topic, Object payload) {
    if (!truth.containsKey(to.toString())) {
      return false;
    }
    ledger.delivered(from.toString(), to.toString(), (Long) payload);
    return true;
  }
}
