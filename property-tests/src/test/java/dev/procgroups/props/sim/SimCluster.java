package dev.procgroups.props.sim;

import dev.procgroups.model.Result;
import dev.procgroups.model.cluster.ClusterStep;
import dev.procgroups.model.cluster.ClusterTruth;
import dev.procgroups.model.cluster.Views;
import dev.procgroups.model.node.NodeCall;
import dev.procgroups.model.node.Step;
import dev.procgroups.process.EncodedSize;
import dev.procgroups.process.Pid;
import dev.procgroups.replication.ReplicationSettings;
import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.sim.NetworkFaults;
import dev.procgroups.transport.sim.SimNetwork;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * A simulated cluster of one scope on {@link SimNetwork}: applies {@link SimOp}s to the real nodes
 * and the same calls to the model's {@link ClusterTruth}, checks the safety invariants after each
 * op, and convergence to the model's expected views once the network is healed and quiet. A
 * violation throws {@link AssertionError} naming the step and the state.
 */
final class SimCluster {
  private final SimNetwork network;
  private final ReplicationSettings settings;
  private final List<String> names = new ArrayList<>();
  private final Map<String, SimNode> running = new TreeMap<>();
  private final Map<String, Long> incarnations = new HashMap<>();

  /** The model: every node's local slots, and what views must converge to. */
  private ClusterTruth truth = ClusterTruth.empty();

  /** The model's pg instance of each process (opened when it is spawned). */
  private final Map<String, Long> instances = new HashMap<>();

  /** Every local state each node name ever had (canonical form), across its incarnations. */
  private final Map<String, Set<String>> pastStates = new HashMap<>();

  private final BroadcastLedger ledger = new BroadcastLedger();
  private int steps;

  SimCluster(long seed, int size, NetworkFaults faults, ReplicationSettings settings) {
    this.network = new SimNetwork(seed, faults);
    this.settings = settings;
    for (int i = 1; i <= size; i++) {
      names.add("n" + i);
      start("n" + i);
    }
  }

  SimNetwork network() {
    return network;
  }

  /** The running nodes, by name. */
  Collection<SimNode> nodes() {
    return Collections.unmodifiableCollection(running.values());
  }

  /** Applies one op, lets {@code op.advance()} of virtual time pass, then checks safety. */
  void step(SimOp op) {
    steps++;
    apply(op);
    network.runFor(op.advance());
    checkSafety("after step " + steps + " " + op);
  }

  /** Heals every fault, lets the network run quietly for {@code quiet}, checks convergence. */
  void settle(long quiet) {
    network.heal();
    network.faults(NetworkFaults.none());
    network.runFor(quiet);
    String where = "after healing and " + quiet + " quiet ms";
    checkSafety(where);
    checkConvergence(where);
  }

  /**
   * Applies {@code ops} at one instant, lets {@code advance} pass, then checks safety once: for
   * large clusters, where a check after every op (O(nodes²) each) would cost more than the run.
   */
  void round(List<SimOp> ops, long advance) {
    ops.forEach(this::apply);
    steps += ops.size();
    network.runFor(advance);
    checkSafety("after the round ending at step " + steps);
  }

  /**
   * Heals every fault and runs the healthy network until every view equals the model's, looking
   * every {@code every} ms for at most {@code limit} ms (running {@code afterEachLook} after each
   * step); returns how long that took, or empty.
   */
  OptionalLong healUntilConverged(long every, long limit, Runnable afterEachLook) {
    network.heal();
    network.faults(NetworkFaults.none());
    for (long waited = 0; waited <= limit; waited += every) {
      if (divergence().isEmpty()) {
        return OptionalLong.of(waited);
      }
      network.runFor(every);
      afterEachLook.run();
    }
    return OptionalLong.empty();
  }

  private void apply(SimOp op) {
    if (op instanceof SimOp.Restart r) {
      String name = nameAt(r.node());
      if (running.containsKey(name)) {
        crash(name);
      }
      start(name);
      return;
    }
    if (op instanceof SimOp.Partition p) {
      List<String> in = new ArrayList<>();
      List<String> out = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        ((p.mask() >> i & 1) == 1 ? in : out).add(names.get(i));
      }
      if (!in.isEmpty() && !out.isEmpty()) {
        network.partition(List.of(in, out));
      }
      return;
    }
    if (op instanceof SimOp.Cut c) {
      network.cut(nameAt(c.from()), nameAt(c.to()));
      return;
    }
    if (op instanceof SimOp.Heal) {
      network.heal();
      return;
    }
    applyOnNode((SimOp.OnNode) op);
  }

  private void applyOnNode(SimOp.OnNode op) {
    try {
      applyOnLiveNode(op);
    } catch (Exception e) {
      throw new AssertionError("the store refused " + op, e);
    }
  }

  private void applyOnLiveNode(SimOp.OnNode op) throws Exception {
    SimNode node = running.get(nameAt(op.node()));
    if (node == null) {
      return; // the node is down: nothing happens there
    }
    String name = node.id.name();
    if (op instanceof SimOp.Spawn) {
      String pid = node.spawn();
      model(name, new NodeCall.Spawn(pid));
      Result opened = model(name, new NodeCall.Open(pid, SimNode.SCOPE)).result();
      instances.put(pid, (Long) ((Result.Ok) opened).value());
    } else if (op instanceof SimOp.Monitor m) {
      node.monitor(m.group());
    } else if (op instanceof SimOp.Crash) {
      crash(node.id.name());
    } else if (op instanceof SimOp.OnProcess p) {
      String pid = node.proc(p.proc());
      if (pid == null) {
        return;
      }
      if (op instanceof SimOp.Join j) {
        node.store.join(Pid.parse(pid), j.groups(), () -> true);
        model(name, new NodeCall.Join(instances.get(pid), j.groups()));
      } else if (op instanceof SimOp.Leave l) {
        node.store.leave(Pid.parse(pid), l.groups());
        model(name, new NodeCall.Leave(instances.get(pid), l.groups()));
      } else if (op instanceof SimOp.Exit) {
        node.exit(pid);
        model(name, new NodeCall.Exit(pid));
      } else if (op instanceof SimOp.Broadcast b) {
        broadcast(node, pid, b.group());
      }
      remember(node);
    }
  }

  /** A broadcast as the pg layer makes it: local slots delivered now, one message per node. */
  private void broadcast(SimNode node, String sender, String group) {
    List<Pid> targets = node.store.members(group);
    long id = ledger.sent(SubscriptionLog.strings(targets));
    Pid from = Pid.parse(sender);
    long bytes = EncodedSize.of(id, Long.MAX_VALUE);
    node.store.localMembers(group).forEach(to -> node.deliver(to, from, "t", id, bytes));
    node.store
        .remoteMembersByOrigin(group)
        .forEach((origin, pids) -> node.node.send(origin, from, "t", id, pids));
  }

  private Step model(String node, NodeCall call) {
    ClusterStep step = truth.step(node, call);
    truth = step.truth();
    return step.step();
  }

  private Map<String, List<String>> expectedLocal(String node) {
    return truth.node(node).state().localView(SimNode.SCOPE);
  }

  private void start(String name) {
    truth = incarnations.containsKey(name) ? truth.restart(name) : truth.start(name, SimNode.SCOPE);
    long incarnation = incarnations.merge(name, 1L, Long::sum);
    SimNode node = new SimNode(new NodeId(name, incarnation), network, settings, ledger);
    running.put(name, node);
    remember(node);
  }

  private void crash(String name) {
    network.crash(name);
    running.remove(name);
    truth = truth.kill(name);
  }

  private void remember(SimNode node) {
    pastStates
        .computeIfAbsent(node.id.name(), n -> new HashSet<>())
        .add(Multisets.canonical(expectedLocal(node.id.name())).toString());
  }

  private String nameAt(int index) {
    return names.get(Math.floorMod(index, names.size()));
  }

  private void checkSafety(String where) {
    for (SimNode node : running.values()) {
      String self = node.id.name();
      check(
          where,
          Views.sameView(expectedLocal(self), node.slotsOf(self)),
          self + "'s local view " + node.slotsOf(self) + " is not " + expectedLocal(self));
      for (String origin : node.origins()) {
        String held = Multisets.canonical(node.slotsOf(origin)).toString();
        check(
            where,
            origin.equals(self)
                || held.equals("{}")
                || pastStates.getOrDefault(origin, Set.of()).contains(held),
            self + " holds " + held + " of " + origin + ", never a state of " + origin);
      }
      for (String origin : node.origins()) {
        if (!origin.equals(self)) {
          checkPeerSlots(where, node, origin);
        }
      }
      for (SubscriptionLog s : node.subscriptions) {
        Map<String, List<String>> watched = s.watched(node.view());
        check(where, s.dropped() == 0, self + "'s " + s + " dropped events");
        check(
            where,
            Multisets.canonical(s.folded()).equals(Multisets.canonical(watched)),
            self
                + "'s "
                + s
                + " folds to "
                + Multisets.canonical(s.folded())
                + ", view is "
                + Multisets.canonical(watched));
      }
    }
    check(where, ledger.violations().isEmpty(), String.join("; ", ledger.violations()));
  }

  /**
   * Slots of a peer survive only while the failure detector reports that incarnation up (or a newer
   * one spoke first) and, for the scope, while the peer was heard within the silence bound.
   */
  private void checkPeerSlots(String where, SimNode node, String origin) {
    String self = node.id.name();
    Optional<SimNetwork.Report> report = network.reportedUp(self, origin);
    long silentFor =
        report
            .map(
                r ->
                    network.now()
                        - Math.max(
                            r.since(), network.lastDelivery(r.peer(), self).orElse(Long.MIN_VALUE)))
            .orElse(0L);
    boolean silent = silentFor > settings.suspectAfter() + SimNode.TICK;
    node.slotsOf(origin)
        .forEach(
            (g, pids) ->
                pids.forEach(
                    pid -> {
                      long incarnation = Pid.parse(pid).id() >> 24;
                      check(
                          where,
                          report.isPresent() && incarnation >= report.get().peer().incarnation(),
                          self
                              + " holds "
                              + pid
                              + " in "
                              + g
                              + " though its failure detector reports "
                              + report.map(r -> "up " + r.peer()).orElse(origin + " down"));
                      check(
                          where,
                          !silent || incarnation > report.get().peer().incarnation(),
                          self
                              + " holds "
                              + pid
                              + " in "
                              + g
                              + " though "
                              + origin
                              + " was silent for "
                              + silentFor
                              + " ms");
                    }));
  }

  private void checkConvergence(String where) {
    divergence().ifPresent(what -> check(where, false, what));
  }

  /** The first way some node's view differs from the model's converged one, if any. */
  private Optional<String> divergence() {
    Set<String> live = new HashSet<>();
    running.values().forEach(n -> live.addAll(n.live));
    for (SimNode node : running.values()) {
      String name = node.id.name();
      Map<String, List<String>> view = node.view();
      for (Map.Entry<String, List<String>> group : view.entrySet()) {
        for (String pid : group.getValue()) {
          if (!live.contains(pid)) {
            return Optional.of(
                name + " still holds " + pid + " in " + group.getKey() + ", not a live process");
          }
        }
      }
      Map<String, List<String>> expected = truth.expectedView(name, SimNode.SCOPE);
      if (!Views.sameView(expected, view)) {
        return Optional.of(
            name + " sees " + Multisets.canonical(view) + ": " + Views.differences(expected, view));
      }
    }
    return Optional.empty();
  }

  private void check(String where, boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(where + ": " + what + " (network " + network.stats() + ")");
    }
  }
}
