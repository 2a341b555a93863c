package dev.procgroups.jepsen.nemesis;

import dev.procgroups.jepsen.net.Bandwidth;
import dev.procgroups.jepsen.net.Firewall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies faults to the cluster: partitions and loss through the namespace's firewall, bandwidth
 * limits through its traffic control, kill / restart / pause / resume and clocks through the node
 * processes, full disks through their data directories. {@link #healAll()} undoes everything for
 * the quiet period before the final reads.
 */
public final class Nemesis implements FaultInjector {

  private final Firewall firewall;
  private final Bandwidth bandwidth;
  private final Map<String, SmallDisk> disks;
  private final java.util.Set<String> fullDisks = new java.util.TreeSet<>();
  private boolean throttled;
  private final Map<String, NodeProcess> nodes = new LinkedHashMap<>();
  private final Consumer<NodeProcess> onRestart;
  private final Function<String, NodeProcess> impostors;
  private final Function<List<NodeProcess>, String> awaitPeersUp;
  private NodeProcess impostor;
  private final Map<String, Boolean> clocksOff = new LinkedHashMap<>();
  private boolean partitioned;
  private boolean lossy;

  /**
   * @param onRestart called after a node starts again (the harness waits for its endpoint)
   * @param impostors starts the JVM of an impostor of the named node and returns it once it runs
   * @param disks the nodes' data directories on small disks (empty: no full-disk faults)
   * @param awaitPeersUp after a degraded link (loss, a bandwidth limit) is restored: returns once
   *     the failure detectors are past what the fault caused and each of the given nodes (those
   *     running unpaused) hears every other one, saying what it saw; so a peer the fault made a
   *     node declare down is down and up again inside the fault, as the history shows it
   */
  public Nemesis(
      Firewall firewall,
      Bandwidth bandwidth,
      Map<String, SmallDisk> disks,
      List<NodeProcess> nodes,
      Consumer<NodeProcess> onRestart,
      Function<String, NodeProcess> impostors,
      Function<List<NodeProcess>, String> awaitPeersUp) {
    this.firewall = firewall;
    this.bandwidth = bandwidth;
    this.disks = Map.copyOf(disks);
    nodes.forEach(n -> this.nodes.put(n.node().name(), n));
    this.onRestart = onRestart;
    this.impostors = impostors;
    this.awaitPeersUp = awaitPeersUp;
  }

  @Override
  public synchronized String apply(Fault fault) {
    if (fault instanceof Fault.Cut c) {
      firewall.apply(c.partition().cuts());
      partitioned = true;
      return c.partition().description();
    }
    if (fault instanceof Fault.Heal) {
      firewall.heal();
      partitioned = false;
      return "healed";
    }
    if (fault instanceof Fault.Loss l) {
      firewall.loss(l.percent());
      lossy = true;
      return l.value() + " of packets dropped";
    }
    if (fault instanceof Fault.NoLoss) {
      long dropped = firewall.noLoss();
      lossy = false;
      return "no loss (" + dropped + " packets were dropped); " + peersUp();
    }
    if (fault instanceof Fault.Throttle t) {
      bandwidth.limit(t.kbit());
      throttled = true;
      return "traffic between nodes limited to " + t.value();
    }
    if (fault instanceof Fault.Unthrottle) {
      long bytes = bandwidth.unlimit();
      throttled = false;
      return "no limit (" + bytes + " bytes went through the limit); " + peersUp();
    }
    if (fault instanceof Fault.FillDisk d) {
      return fillDisk(d.node());
    }
    if (fault instanceof Fault.FreeDisk d) {
      disk(d.node()).free();
      fullDisks.remove(d.node());
      return d.node() + "'s data directory freed";
    }
    if (fault instanceof Fault.Impostor i) {
      node(i.victim());
      if (impostor != null) {
        impostor.kill();
      }
      impostor = impostors.apply(i.victim());
      return "impostor of " + i.victim() + " started";
    }
    if (fault instanceof Fault.ClockJump j) {
      node(j.node()).setClockOffset(j.seconds());
      clocksOff.put(j.node(), j.seconds() != 0);
      return j.node()
          + "'s clock "
          + (j.seconds() == 0 ? "back to real time" : "set " + j.seconds() + " s off");
    }
    if (fault instanceof Fault.ImpostorGone) {
      if (impostor != null) {
        impostor.kill();
        impostor = null;
      }
      return "impostor killed";
    }
    Fault.OnNode on = (Fault.OnNode) fault;
    NodeProcess n = node(on.node());
    switch (on.action()) {
      case KILL -> n.kill();
      case PAUSE -> n.pause();
      case RESUME -> n.resume();
      case RESTART -> {
        if (n.running()) {
          return on.node() + " already running";
        }
        n.start();
        onRestart.accept(n);
      }
      case RESTART_CLOCK_BACK -> {
        return n.running() ? on.node() + " already running" : restartWithClockBack(n);
      }
    }
    return on.action().past() + " " + on.node();
  }

  /** Awaits the nodes' views of each other, unless a network fault is still in force. */
  private String peersUp() {
    if (partitioned || lossy || throttled) {
      return "peers not awaited: another network fault is in force";
    }
    return awaitPeersUp.apply(
        nodes.values().stream().filter(n -> n.running() && !n.paused()).toList());
  }

  private String restartWithClockBack(NodeProcess n) {
    long back = n.startWithClockBack();
    try {
      onRestart.accept(n);
    } finally {
      n.setClockOffset(0);
    }
    return "started " + n.node().name() + " with its clock " + back + " s back (then set right)";
  }

  /**
   * Fills the killed node's data directory and starts it on it. A node that cannot record its
   * incarnation must refuse to start and say why (its log); one that starts anyway must have
   * recorded it, which its next start, with the clock stepped back, shows.
   */
  private String fillDisk(String node) {
    NodeProcess n = node(node);
    if (n.running()) {
      throw new IllegalStateException(node + " must be killed before its disk fills");
    }
    disk(node).fill();
    fullDisks.add(node);
    n.start();
    try {
      onRestart.accept(n);
      return node + "'s data directory full; it started anyway";
    } catch (IllegalStateException exited) {
      if (n.running()) {
        throw exited;
      }
      return node + "'s data directory full; it refused to start (exit " + n.exitCode() + ")";
    }
  }

  private SmallDisk disk(String node) {
    SmallDisk d = disks.get(node);
    if (d == null) {
      throw new IllegalStateException(node + "'s data directory is not on a small disk");
    }
    return d;
  }

  /** Heals the network, resumes paused nodes and restarts killed ones; returns what it did. */
  @Override
  public synchronized List<String> healAll() {
    List<String> done = new ArrayList<>();
    if (partitioned) {
      done.add(apply(new Fault.Heal()));
    }
    if (lossy) {
      done.add(apply(new Fault.NoLoss()));
    }
    if (throttled) {
      done.add(apply(new Fault.Unthrottle()));
    }
    for (String n : List.copyOf(fullDisks)) {
      done.add(apply(new Fault.FreeDisk(n)));
    }
    if (impostor != null) {
      done.add(apply(new Fault.ImpostorGone()));
    }
    for (String n : List.copyOf(clocksOff.keySet())) {
      if (clocksOff.get(n)) {
        done.add(apply(new Fault.ClockJump(n, 0)));
      }
    }
    for (NodeProcess n : nodes.values()) {
      if (n.paused()) {
        done.add(apply(Fault.resume(n.node().name())));
      } else if (!n.running()) {
        done.add(apply(Fault.restart(n.node().name())));
      }
    }
    return done;
  }

  /** True while no partition is in force and every node runs unpaused. */
  public synchronized boolean whole() {
    return !partitioned
        && !lossy
        && !throttled
        && fullDisks.isEmpty()
        && impostor == null
        && !clocksOff.containsValue(true)
        && nodes.values().stream().allMatch(n -> n.running() && !n.paused());
  }

  private NodeProcess node(String name) {
    NodeProcess n = nodes.get(name);
    if (n == null) {
      throw new IllegalArgumentException("unknown node " + name);
    }
    return n;
  }
}
