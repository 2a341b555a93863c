package dev.procgroups.props.modelcheck;

import dev.procgroups.model.cluster.Views;
import dev.procgroups.process.Pid;
import dev.procgroups.props.sim.Multisets;
import dev.procgroups.replication.MalformedMessageException;
import dev.procgroups.replication.Output;
import dev.procgroups.replication.ProtocolMessage;
import dev.procgroups.replication.ReplicationCore;
import dev.procgroups.replication.ReplicationSettings;
import dev.procgroups.replication.WireMessage;
import dev.procgroups.store.StoreChange;
import dev.procgroups.transport.NodeId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One state of a small cluster for the model checker: every node's replication core and view,
 * script position, timer budget and failure-detector beliefs, plus the messages in flight and the
 * fault budgets used. Mutable; {@link #copy} branches it.
 */
final class World {
  static final String SCOPE = "app:mc";

  private final CheckerConfig config;
  private final Map<String, Script> scripts;
  private final ReplicationSettings settings;
  private final TreeMap<String, NodeWorld> nodes = new TreeMap<>();
  private List<InFlight> network = new ArrayList<>();
  private int drops;
  private int duplicates;

  /** 0: never partitioned, 1: partitioned, 2: healed. */
  private int phase;

  private boolean restartDone;
  private int ticks;

  private World(CheckerConfig config, Map<String, Script> scripts, ReplicationSettings settings) {
    this.config = config;
    this.scripts = scripts;
    this.settings = settings;
  }

  static World initial(CheckerConfig config, ReplicationSettings settings) {
    Map<String, Script> scripts = new TreeMap<>();
    config
        .nodes()
        .forEach(
            n -> scripts.put(n, new Script(n, SCOPE, config.scripts().getOrDefault(n, List.of()))));
    World w = new World(config, scripts, settings);
    config.nodes().forEach(n -> w.nodes.put(n, new NodeWorld(new NodeId(n, 1), settings)));
    if (config.connected()) {
      config
          .nodes()
          .forEach(
              o ->
                  config
                      .nodes()
                      .forEach(
                          p -> {
                            if (!o.equals(p)) {
                              w.detect(o, p);
                            }
                          }));
      w.deliverAll();
    }
    return w;
  }

  World copy() {
    World w = new World(config, scripts, settings);
    nodes.forEach((n, node) -> w.nodes.put(n, node.copy()));
    w.network = new ArrayList<>(network);
    w.drops = drops;
    w.duplicates = duplicates;
    w.phase = phase;
    w.restartDone = restartDone;
    w.ticks = ticks;
    return w;
  }

  List<Action> enabled() {
    List<Action> out = new ArrayList<>();
    nodes.forEach(
        (name, n) -> {
          if (!n.restarted && n.pos < scripts.get(name).length()) {
            out.add(new Action.Local(name));
          }
          if (ticks < config.maxTicks()) {
            out.add(new Action.Tick(name));
          }
          for (String peer : nodes.keySet()) {
            if (!peer.equals(name)
                && !Objects.equals(n.beliefs.get(peer), truthAbout(name, peer))) {
              out.add(new Action.Detect(name, peer));
            }
          }
        });
    for (int i = 0; i < network.size(); i++) {
      if (config.reorder() || firstOnItsLink(i)) {
        out.add(new Action.Deliver(i));
        if (drops < config.maxDrops()) {
          out.add(new Action.Drop(i));
        }
        if (duplicates < config.maxDuplicates()) {
          out.add(new Action.Duplicate(i));
        }
      }
    }
    if (phase == 0 && !config.partitionSide().isEmpty()) {
      out.add(new Action.Partition());
    }
    if (phase == 1) {
      out.add(new Action.Heal());
    }
    if (config.restartNode() != null && !restartDone) {
      out.add(new Action.Restart(config.restartNode()));
    }
    return out;
  }

  void apply(Action action) {
    if (action instanceof Action.Local l) {
      NodeWorld n = nodes.get(l.node());
      StoreChange.Delta delta = scripts.get(l.node()).deltas.get(n.pos++);
      if (delta != null) {
        run(n, n.core.localChange(delta));
      }
    } else if (action instanceof Action.Deliver d) {
      deliver(network.remove(d.index()));
    } else if (action instanceof Action.Drop d) {
      network.remove(d.index());
      drops++;
    } else if (action instanceof Action.Duplicate d) {
      duplicates++;
      deliver(network.get(d.index()));
    } else if (action instanceof Action.Tick t) {
      NodeWorld n = nodes.get(t.node());
      ticks++;
      n.ticks++;
      run(n, n.core.tick(n.clock()));
    } else if (action instanceof Action.Partition) {
      phase = 1;
    } else if (action instanceof Action.Heal) {
      phase = 2;
    } else if (action instanceof Action.Detect d) {
      detect(d.observer(), d.peer());
    } else if (action instanceof Action.Restart r) {
      restartDone = true;
      NodeWorld old = nodes.get(r.node());
      NodeWorld fresh = new NodeWorld(new NodeId(r.node(), old.id.incarnation() + 1), settings);
      fresh.restarted = true;
      fresh.pos = old.pos;
      nodes.put(r.node(), fresh);
    }
  }

  private void detect(String observer, String peer) {
    NodeWorld n = nodes.get(observer);
    NodeId believed = n.beliefs.get(peer);
    NodeId truth = truthAbout(observer, peer);
    if (believed != null && truth == null) {
      n.beliefs.remove(peer);
      run(n, n.core.peerDown(believed));
    } else {
      n.beliefs.put(peer, truth);
      run(n, n.core.peerUp(truth, n.clock()));
    }
  }

  private NodeId truthAbout(String observer, String peer) {
    return cut(observer, peer) ? null : nodes.get(peer).id;
  }

  private boolean cut(String a, String b) {
    return phase == 1 && config.partitionSide().contains(a) != config.partitionSide().contains(b);
  }

  private void deliver(InFlight m) {
    NodeWorld n = nodes.get(m.to().name());
    if (!n.id.equals(m.to())) {
      return; // addressed to an earlier start of the receiver
    }
    try {
      run(n, n.core.receive(m.from(), m.message(), n.clock()));
    } catch (MalformedMessageException e) {
      throw new IllegalStateException("a core sent a malformed message", e);
    }
  }

  private void run(NodeWorld n, List<Output> outputs) {
    for (Output o : outputs) {
      if (o instanceof Output.Send s) {
        if (!cut(n.id.name(), s.to().name())) {
          network.add(new InFlight(n.id, s.to(), ((WireMessage.ForScope) s.message()).message()));
        }
      } else if (o instanceof Output.Apply a) {
        n.apply(a.change());
      }
    }
  }

  private boolean firstOnItsLink(int index) {
    InFlight m = network.get(index);
    for (int i = 0; i < index; i++) {
      InFlight before = network.get(i);
      if (before.from().name().equals(m.from().name())
          && before.to().name().equals(m.to().name())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Nothing left to happen but the timer: scripts done, network whole and empty, detectors settled.
   */
  boolean quiet() {
    if (phase == 1 || !network.isEmpty()) {
      return false;
    }
    for (Map.Entry<String, NodeWorld> e : nodes.entrySet()) {
      NodeWorld n = e.getValue();
      if (!n.restarted && n.pos < scripts.get(e.getKey()).length()) {
        return false;
      }
      for (String peer : nodes.keySet()) {
        if (!peer.equals(e.getKey())
            && !Objects.equals(n.beliefs.get(peer), truthAbout(e.getKey(), peer))) {
          return false;
        }
      }
    }
    return true;
  }

  /** A safety violation in this state, or null. */
  String violation() {
    for (Map.Entry<String, NodeWorld> e : nodes.entrySet()) {
      String self = e.getKey();
      NodeWorld n = e.getValue();
      for (Map.Entry<String, Map<String, List<String>>> held : n.remote.entrySet()) {
        String origin = held.getKey();
        if (!wasEverLocalState(origin, held.getValue())) {
          return self + " holds " + held.getValue() + " of " + origin + ", never a state of it";
        }
        NodeId believed = n.beliefs.get(origin);
        for (List<String> pids : held.getValue().values()) {
          for (String pid : pids) {
            if (believed == null || incarnationOf(pid) < believed.incarnation()) {
              return self
                  + " holds "
                  + pid
                  + " though its failure detector reports "
                  + (believed == null ? origin + " down" : "up " + believed);
            }
          }
        }
      }
    }
    return null;
  }

  /** A PID's id is {@code incarnation << 24 | counter} (docs/DECISIONS.md); parsed cheaply here. */
  private static long incarnationOf(String pid) {
    return Long.parseLong(pid.substring(pid.lastIndexOf('|') + 1, pid.length() - 1), 16) >> 24;
  }

  private boolean wasEverLocalState(String origin, Map<String, List<String>> held) {
    NodeWorld o = nodes.get(origin);
    int reached = o.pos;
    for (int k = 0; k <= reached; k++) {
      if (Views.sameView(scripts.get(origin).prefixStates.get(k), held)) {
        return true;
      }
    }
    return held.isEmpty();
  }

  /**
   * From a quiet state, lets the timer run on a reliable network for a few rounds and returns how
   * the views then differ from the truth, or null if every node sees every live slot.
   */
  String convergenceViolation(int rounds) {
    for (int r = 0; r < rounds; r++) {
      for (NodeWorld n : nodes.values()) {
        n.ticks++;
        run(n, n.core.tick(n.clock()));
      }
      if (!deliverAll()) {
        return "messages never stop on a healthy network";
      }
    }
    Map<String, List<String>> truth = new TreeMap<>();
    nodes
        .keySet()
        .forEach(
            name ->
                localOf(name)
                    .forEach(
                        (g, pids) ->
                            truth.computeIfAbsent(g, k -> new ArrayList<>()).addAll(pids)));
    for (String name : nodes.keySet()) {
      Map<String, List<String>> view = new TreeMap<>();
      localOf(name)
          .forEach((g, pids) -> view.computeIfAbsent(g, k -> new ArrayList<>()).addAll(pids));
      nodes
          .get(name)
          .remote
          .values()
          .forEach(
              byGroup ->
                  byGroup.forEach(
                      (g, pids) -> view.computeIfAbsent(g, k -> new ArrayList<>()).addAll(pids)));
      if (!Views.sameView(truth, view)) {
        return "after healing and "
            + rounds
            + " quiet rounds "
            + name
            + " differs: "
            + Views.differences(truth, view);
      }
    }
    return null;
  }

  /** Delivers every message in send order, answers included; false if they never stop. */
  private boolean deliverAll() {
    for (int guard = 0; !network.isEmpty(); guard++) {
      if (guard > 10_000) {
        return false;
      }
      deliver(network.remove(0));
    }
    return true;
  }

  private Map<String, List<String>> localOf(String name) {
    NodeWorld n = nodes.get(name);
    return n.restarted ? Map.of() : scripts.get(name).prefixStates.get(n.pos);
  }

  /** A 64-bit hash of a canonical description of the state (message times excluded). */
  long fingerprint() {
    StringBuilder sb = new StringBuilder();
    sb.append(drops)
        .append(',')
        .append(duplicates)
        .append(',')
        .append(phase)
        .append(',')
        .append(restartDone)
        .append(',')
        .append(ticks);
    nodes.forEach((name, n) -> sb.append('\n').append(name).append(n.describe()));
    List<String> messages = new ArrayList<>();
    for (InFlight m : network) {
      messages.add(m.key());
    }
    if (config.reorder()) {
      Collections.sort(messages); // a bag: order carries no information
    } else {
      messages.sort(Comparator.comparing(s -> s.substring(0, s.indexOf(':'))));
    }
    messages.forEach(m -> sb.append('\n').append(m));
    return hash64(sb);
  }

  private static long hash64(CharSequence s) {
    long h1 = 0xcbf29ce484222325L;
    long h2 = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < s.length(); i++) {
      h1 = (h1 ^ s.charAt(i)) * 0x100000001b3L;
      h2 = (h2 + s.charAt(i)) * 0xc6a4a7935bd1e995L;
      h2 ^= h2 >>> 47;
    }
    return h1 ^ Long.rotateLeft(h2, 31);
  }

  /** A message on its way; {@code key} describes it for fingerprints (made once per send). */
  private record InFlight(NodeId from, NodeId to, ProtocolMessage message, String key) {
    InFlight(NodeId from, NodeId to, ProtocolMessage message) {
      this(from, to, message, from + ">" + to + ":" + message);
    }
  }

  /** One node inside a {@link World}. */
  private static final class NodeWorld {
    final NodeId id;
    final ReplicationCore core;
    final TreeMap<String, Map<String, List<String>>> remote;
    final TreeMap<String, NodeId> beliefs;
    int pos;
    int ticks;
    boolean restarted;

    NodeWorld(NodeId id, ReplicationSettings settings) {
      this(id, new ReplicationCore(SCOPE, id, settings), new TreeMap<>(), new TreeMap<>());
    }

    private NodeWorld(
        NodeId id,
        ReplicationCore core,
        TreeMap<String, Map<String, List<String>>> remote,
        TreeMap<String, NodeId> beliefs) {
      this.id = id;
      this.core = core;
      this.remote = remote;
      this.beliefs = beliefs;
    }

    NodeWorld copy() {
      NodeWorld c = new NodeWorld(id, core.copy(), new TreeMap<>(remote), new TreeMap<>(beliefs));
      c.pos = pos;
      c.ticks = ticks;
      c.restarted = restarted;
      return c;
    }

    /** The core's clock: one tick is ten time units, so digests are always due. */
    long clock() {
      return 10L * ticks + 1;
    }

    /** Applies a peer's change, copying on write (the maps are shared between copies). */
    void apply(StoreChange change) {
      String origin = change.origin();
      if (change instanceof StoreChange.Drop) {
        remote.remove(origin);
        return;
      }
      TreeMap<String, List<String>> next =
          change instanceof StoreChange.Sync
              ? new TreeMap<>()
              : new TreeMap<>(remote.getOrDefault(origin, Map.of()));
      Map<String, List<Pid>> changes =
          change instanceof StoreChange.Sync s
              ? s.pidsByGroup()
              : ((StoreChange.Delta) change).pidsByGroup();
      boolean join =
          !(change instanceof StoreChange.Delta d) || d.direction() == StoreChange.Direction.JOIN;
      changes.forEach(
          (g, pids) -> {
            List<String> slots = new ArrayList<>(next.getOrDefault(g, List.of()));
            for (Pid slot : pids) {
              String pid = slot.toString(); // the model's vocabulary
              if (join) {
                slots.add(pid);
              } else if (slots.lastIndexOf(pid) >= 0) {
                slots.remove(slots.lastIndexOf(pid));
              }
            }
            if (slots.isEmpty()) {
              next.remove(g);
            } else {
              next.put(g, List.copyOf(slots));
            }
          });
      if (next.isEmpty()) {
        remote.remove(origin);
      } else {
        remote.put(origin, Collections.unmodifiableMap(next));
      }
    }

    String describe() {
      TreeMap<String, String> view = new TreeMap<>();
      remote.forEach((o, byGroup) -> view.put(o, Multisets.canonical(byGroup).toString()));
      return id
          + "/"
          + pos
          + "/"
          + ticks
          + "/"
          + restarted
          + "/"
          + beliefs
          + "/"
          + view
          + "/"
          + core.fingerprint();
    }
  }
}
