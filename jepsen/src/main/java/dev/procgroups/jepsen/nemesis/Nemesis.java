package dev.procgroups.jepsen.nemesis;

import dev.procgroups.jepsen.net.Firewall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Applies faults to the cluster: partitions through the namespace's firewall, kill / restart /
 * pause / resume through the node processes. {@link #healAll()} undoes everything for the quiet
 * period before the final reads.
 */
public final class Nemesis implements FaultInjector {

  private final Firewall firewall;
  private final Map<String, NodeProcess> nodes = new LinkedHashMap<>();
  private final Consumer<NodeProcess> onRestart;
  private final java.util.function.Function<String, NodeProcess> impostors;
  private NodeProcess impostor;
  private final Map<String, Boolean> clocksOff = new LinkedHashMap<>();
  private boolean partitioned;
  private boolean lossy;

  /**
   * @param onRestart called after a node starts again (the harness waits for its endpoint)
   * @param impostors starts the JVM of an impostor of the named node and returns it once it runs
   */
  public Nemesis(
      Firewall firewall,
      List<NodeProcess> nodes,
      Consumer<NodeProcess> onRestart,
      java.util.function.Function<String, NodeProcess> impostors) {
    this.firewall = firewall;
    nodes.forEach(n -> this.nodes.put(n.node().name(), n));
    this.onRestart = onRestart;
    this.impostors = impostors;
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
      firewall.noLoss();
      lossy = false;
      return "no loss";
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
        if (n.running()) {
          return on.node() + " already running";
        }
        long back = n.startWithClockBack();
        try {
          onRestart.accept(n);
        } finally {
          n.setClockOffset(0);
        }
        return "started " + on.node() + " with its clock " + back + " s back (then set right)";
      }
    }
    return on.action().past() + " " + on.node();
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
