package dev.procgroups.transport.sim;

import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * A deterministic network in virtual time: every delay, loss, duplicate and reordering is drawn
 * from one seeded generator and every event runs on the caller's thread in (time, order of
 * scheduling) order, so a seed replays exactly.
 *
 * <p>Faults: per-message ones from {@link NetworkFaults}; {@link #cut} (one direction, invisible to
 * the failure detector, like a link SWIM cannot see); {@link #partition} (sides that cannot reach
 * each other, reported down by the failure detector); {@link #crash} and a restart under the same
 * name with a new incarnation. The failure detector reports each change after {@code detectDelay};
 * a restart seen within that delay is reported as an up of the new incarnation only.
 */
public final class SimNetwork {
  private final SplittableRandom random;
  private NetworkFaults faults;
  private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
  private final Map<String, SimulatedTransport> live = new TreeMap<>();
  private final Set<Link> cuts = new HashSet<>();
  private final Set<Link> detectedCuts = new HashSet<>();
  private final Map<String, Map<String, Report>> believedUp = new TreeMap<>();
  private final Map<String, Long> lastDelivery = new HashMap<>();
  private final Map<Link, Long> lastArrival = new HashMap<>();
  private final Stats stats = new Stats();
  private SendTap tap = (from, to, message) -> {};
  private long now;
  private long order;

  public SimNetwork(long seed, NetworkFaults faults) {
    this.random = new SplittableRandom(seed);
    this.faults = Objects.requireNonNull(faults, "faults");
  }

  public long now() {
    return now;
  }

  /** Changes the per-message faults from now on (for example to a healthy network to settle). */
  public void faults(NetworkFaults next) {
    this.faults = Objects.requireNonNull(next, "faults");
  }

  public Stats stats() {
    return stats;
  }

  /**
   * Shows {@code tap} every message a live node sends from now on, before any fault, to measure.
   */
  public void tap(SendTap tap) {
    this.tap = Objects.requireNonNull(tap, "tap");
  }

  /** Starts a node (first start or restart with a larger incarnation) and returns its transport. */
  public SimulatedTransport start(NodeId id) {
    if (live.containsKey(id.name())) {
      throw new IllegalStateException(id.name() + " is running");
    }
    SimulatedTransport t = new SimulatedTransport(this, id);
    live.put(id.name(), t);
    believedUp.put(id.name(), new TreeMap<>());
    detectSoon();
    return t;
  }

  /** Stops a node at once; messages it already sent are still on their way. */
  public void crash(String name) {
    if (live.remove(name) != null) {
      believedUp.remove(name);
      detectSoon();
    }
  }

  public boolean alive(NodeId id) {
    SimulatedTransport t = live.get(id.name());
    return t != null && t.self().equals(id);
  }

  /** What the failure detector last reported to {@code observer} about {@code peer}, if up. */
  public Optional<Report> reportedUp(String observer, String peer) {
    return Optional.ofNullable(believedUp.getOrDefault(observer, Map.of()).get(peer));
  }

  /** When a message from {@code from} last reached {@code to}, or empty if none ever did. */
  public Optional<Long> lastDelivery(NodeId from, String to) {
    return Optional.ofNullable(lastDelivery.get(from + ">" + to));
  }

  /** Loses every message from {@code from} to {@code to} until {@link #heal}; no one notices. */
  public void cut(String from, String to) {
    cuts.add(new Link(from, to));
  }

  /** No message crosses between different sides; the failure detector reports it. */
  public void partition(Collection<? extends Collection<String>> sides) {
    List<List<String>> list = sides.stream().map(s -> List.copyOf(s)).toList();
    for (int i = 0; i < list.size(); i++) {
      for (int j = 0; j < list.size(); j++) {
        if (i == j) {
          continue;
        }
        for (String a : list.get(i)) {
          for (String b : list.get(j)) {
            cuts.add(new Link(a, b));
            detectedCuts.add(new Link(a, b));
          }
        }
      }
    }
    detectSoon();
  }

  /** Removes every cut and partition. */
  public void heal() {
    cuts.clear();
    detectedCuts.clear();
    detectSoon();
  }

  /** Runs {@code action} after {@code delay}. */
  public void schedule(long delay, Runnable action) {
    queue.add(new Scheduled(now + delay, order++, action));
  }

  /** Calls {@code tick} with the virtual time every {@code period} while {@code node} runs. */
  public void every(NodeId node, long period, LongConsumer tick) {
    schedule(
        period,
        () -> {
          if (alive(node)) {
            tick.accept(now);
            every(node, period, tick);
          }
        });
  }

  /** Runs the next event; false if none is left. */
  public boolean runNext() {
    Scheduled next = queue.poll();
    if (next == null) {
      return false;
    }
    now = Math.max(now, next.at);
    next.action.run();
    return true;
  }

  /** Runs every event due within {@code duration} from now, then sets the clock to its end. */
  public void runFor(long duration) {
    long end = now + duration;
    while (!queue.isEmpty() && queue.peek().at <= end) {
      runNext();
    }
    now = end;
  }

  void send(NodeId from, NodeId to, byte[] message) {
    stats.sent++;
    if (!alive(from)) {
      return;
    }
    tap.sent(from, to, message);
    int copies = random.nextDouble() < faults.duplicateRate() ? 2 : 1;
    stats.duplicated += copies - 1;
    for (int i = 0; i < copies; i++) {
      if (random.nextDouble() < faults.dropRate()) {
        stats.dropped++;
        continue;
      }
      Link link = new Link(from.name(), to.name());
      long at =
          now + faults.minDelay() + random.nextLong(faults.maxDelay() - faults.minDelay() + 1);
      if (!faults.reorder()) {
        at = Math.max(at, lastArrival.getOrDefault(link, 0L));
        lastArrival.put(link, at);
      }
      queue.add(new Scheduled(at, order++, () -> arrive(from, to, link, message)));
    }
  }

  private void arrive(NodeId from, NodeId to, Link link, byte[] message) {
    if (cuts.contains(link) || !alive(to)) {
      stats.dropped++;
      return;
    }
    stats.delivered++;
    lastDelivery.put(from + ">" + to.name(), now);
    live.get(to.name()).deliver(from, message);
  }

  private void detectSoon() {
    schedule(faults.detectDelay(), this::detect);
  }

  /** Brings every live node's belief of who is up in line with the truth, reporting changes. */
  private void detect() {
    for (String observer : new ArrayList<>(live.keySet())) {
      for (String peer : new ArrayList<>(live.keySet())) {
        if (!peer.equals(observer)) {
          reconcile(observer, peer);
        }
      }
      for (String gone : new ArrayList<>(believedUp.getOrDefault(observer, Map.of()).keySet())) {
        if (!live.containsKey(gone)) {
          reconcile(observer, gone);
        }
      }
    }
  }

  private void reconcile(String observer, String peer) {
    SimulatedTransport watcher = live.get(observer);
    Map<String, Report> beliefs = believedUp.get(observer);
    if (watcher == null || beliefs == null) {
      return; // crashed while an earlier report ran
    }
    SimulatedTransport target = live.get(peer);
    NodeId truth =
        target == null || detectedCuts.contains(new Link(observer, peer)) ? null : target.self();
    NodeId believed = beliefs.containsKey(peer) ? beliefs.get(peer).peer() : null;
    if (Objects.equals(truth, believed)) {
      return;
    }
    if (believed != null && (truth == null || random.nextBoolean())) {
      beliefs.remove(peer);
      watcher.peerEvent(new PeerEvent.Down(believed));
    }
    if (truth != null && live.get(observer) == watcher) {
      beliefs.put(peer, new Report(truth, now));
      watcher.peerEvent(new PeerEvent.Up(truth));
    }
  }

  /** Sees each message a live node sends. */
  @FunctionalInterface
  public interface SendTap {
    void sent(NodeId from, NodeId to, byte[] message);
  }

  /** The failure detector reported {@code peer} up to a node at time {@code since}. */
  public record Report(NodeId peer, long since) {}

  private record Link(String from, String to) {}

  private record Scheduled(long at, long order, Runnable action) implements Comparable<Scheduled> {
    @Override
    public int compareTo(Scheduled o) {
      return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
    }
  }

  /** Message counters since the network was made. */
  public static final class Stats {
    long sent;
    long delivered;
    long dropped;
    long duplicated;

    public long sent() {
      return sent;
    }

    public long delivered() {
      return delivered;
    }

    public long dropped() {
      return dropped;
    }

    public long duplicated() {
      return duplicated;
    }

    @Override
    public String toString() {
      return "sent="
          + sent
          + " delivered="
          + delivered
          + " dropped="
          + dropped
          + " duplicated="
          + duplicated;
    }
  }
}
