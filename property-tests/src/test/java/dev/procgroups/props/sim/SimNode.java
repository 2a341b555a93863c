package dev.procgroups.props.sim;

import dev.procgroups.cluster.ClusterNode;
import dev.procgroups.cluster.ReplicatedStore;
import dev.procgroups.process.MessageSink;
import dev.procgroups.process.Pid;
import dev.procgroups.registry.ScopeConfig;
import dev.procgroups.replication.ReplicationSettings;
import dev.procgroups.store.EventsSnapshot;
import dev.procgroups.store.MembershipStore;
import dev.procgroups.store.MonitorSnapshot;
import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.sim.SimNetwork;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One start of one simulated node: the real scope store and the real cluster layer on the simulated
 * network, with its live processes. What they joined is the model's business ({@link SimCluster}
 * keeps the model's cluster truth beside).
 */
final class SimNode implements MessageSink {
  static final String SCOPE = "app:sim";
  static final long TICK = 100;

  /** Large enough that no subscription ever drops an event in a schedule. */
  private static final ScopeConfig CONFIG =
      new ScopeConfig(1 << 20, OptionalInt.empty(), OptionalInt.empty());

  final NodeId id;
  final MembershipStore store;
  final ClusterNode node;
  final List<SubscriptionLog> subscriptions = new ArrayList<>();

  /** Live local pids, oldest first. */
  final Set<String> live = new LinkedHashSet<>();

  private final BroadcastLedger ledger;
  private long nextPid;

  SimNode(NodeId id, SimNetwork network, ReplicationSettings settings, BroadcastLedger ledger) {
    this.id = id;
    this.ledger = ledger;
    this.nextPid = id.incarnation() << 24;
    this.store = new MembershipStore(id.name(), CONFIG);
    this.node = new ClusterNode(network.start(id), this, settings, network::now, Runnable::run);
    node.addScope(SCOPE, ReplicatedStore.of(store));
    network.every(id, TICK, node::tick);
  }

  String spawn() {
    String pid = new Pid(id.name(), "app:processes", nextPid++).toString();
    live.add(pid);
    return pid;
  }

  /** The live process at {@code index} modulo their number, or null if there is none. */
  String proc(int index) {
    if (live.isEmpty()) {
      return null;
    }
    return new ArrayList<>(live).get(Math.floorMod(index, live.size()));
  }

  void exit(String pid) {
    live.remove(pid);
    store.removeProcess(Pid.parse(pid));
  }

  void monitor(String group) {
    if (group == null) {
      EventsSnapshot s = store.events();
      subscriptions.add(new SubscriptionLog(null, s.groups(), s.subscription()));
    } else {
      MonitorSnapshot s = store.monitor(group);
      subscriptions.add(
          new SubscriptionLog(
              group,
              s.members().isEmpty() ? Map.of() : Map.of(group, s.members()),
              s.subscription()));
    }
  }

  /** Every slot this node sees, by group (a pid once per slot). */
  Map<String, List<String>> view() {
    Map<String, List<String>> all = new TreeMap<>();
    store.groups().forEach(g -> all.put(g, SubscriptionLog.strings(store.members(g))));
    return all;
  }

  /** The slots of one origin's processes as this node holds them. */
  Map<String, List<String>> slotsOf(String origin) {
    Map<String, List<String>> out = new TreeMap<>();
    for (String g : store.groups()) {
      List<Pid> pids =
          origin.equals(id.name())
              ? store.localMembers(g)
              : store.remoteMembersByOrigin(g).getOrDefault(origin, List.of());
      if (!pids.isEmpty()) {
        out.put(g, SubscriptionLog.strings(pids));
      }
    }
    return out;
  }

  /** The nodes whose slots this node holds, itself included. */
  Set<String> origins() {
    Set<String> out = new TreeSet<>();
    out.add(id.name());
    store.groups().forEach(g -> out.addAll(store.remoteMembersByOrigin(g).keySet()));
    return out;
  }

  @Override
  public boolean deliver(Pid to, Pid from, String topic, Object payload, long bytes) {
    if (!live.contains(to.toString())) {
      return false;
    }
    ledger.delivered(from.toString(), to.toString(), (Long) payload);
    return true;
  }
}
