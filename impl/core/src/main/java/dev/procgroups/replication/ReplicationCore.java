package dev.procgroups.replication;

import static dev.procgroups.replication.PlantedBug.ACCEPT_FROM_DOWN_PEERS;
import static dev.procgroups.replication.PlantedBug.APPLY_DUPLICATES;
import static dev.procgroups.replication.PlantedBug.APPLY_OUT_OF_ORDER;
import static dev.procgroups.replication.PlantedBug.IGNORE_INCARNATIONS;
import static dev.procgroups.replication.PlantedBug.NO_ANTI_ENTROPY;
import static dev.procgroups.replication.PlantedBug.NO_SUSPICION;
import static dev.procgroups.replication.PlantedBug.SKIP_DOWN_CLEANUP;

import dev.procgroups.process.Pid;
import dev.procgroups.replication.Output.Apply;
import dev.procgroups.replication.Output.Send;
import dev.procgroups.replication.ProtocolMessage.Change;
import dev.procgroups.replication.ProtocolMessage.Deltas;
import dev.procgroups.replication.ProtocolMessage.Digest;
import dev.procgroups.replication.ProtocolMessage.Probe;
import dev.procgroups.replication.ProtocolMessage.ProbeAck;
import dev.procgroups.replication.ProtocolMessage.ResyncRequest;
import dev.procgroups.replication.ProtocolMessage.Sync;
import dev.procgroups.replication.WireMessage.ForScope;
import dev.procgroups.store.StoreChange;
import dev.procgroups.transport.NodeId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The replication protocol of one scope on one node, as a pure state machine: no threads, sockets
 * or clocks inside. Each input method returns the {@link Output}s of that step (messages to send,
 * peers' changes to apply to the store) and has no other effect. Not thread-safe: the driver feeds
 * it one input at a time.
 *
 * <p>As Erlang {@code pg}: this node is the only writer of its processes' slots and pushes each
 * local change to every peer; a peer that comes up gets a full sync; a peer that goes down has its
 * slots dropped. Hardened: changes carry (incarnation, seq) so gaps trigger a resync, duplicates
 * are ignored and a newer incarnation drops the older one's slots; periodic digests (last seq and
 * an order-free hash of the local slots) repair lost messages; a peer silent for {@code
 * suspectAfter} is treated as down for this scope until it is heard again (SWIM misses one-link
 * cuts).
 */
public final class ReplicationCore {
  private final String scope;
  private final NodeId self;
  private final ReplicationSettings settings;
  private final Set<PlantedBug> bugs;
  private final LocalSlots local;
  private final TreeMap<String, PeerState> peers;
  private long localSeq;

  public ReplicationCore(String scope, NodeId self, ReplicationSettings settings) {
    this(
        scope,
        self,
        settings,
        Arrays.stream(PlantedBug.values())
            .filter(PlantedBug::planted)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(PlantedBug.class))),
        new LocalSlots(),
        new TreeMap<>(),
        0);
  }

  private ReplicationCore(
      String scope,
      NodeId self,
      ReplicationSettings settings,
      Set<PlantedBug> bugs,
      LocalSlots local,
      TreeMap<String, PeerState> peers,
      long localSeq) {
    this.scope = scope;
    this.self = self;
    this.settings = settings;
    this.bugs = bugs;
    this.local = local;
    this.peers = peers;
    this.localSeq = localSeq;
  }

  /** An independent copy, for explorers that branch (the model checker). */
  public ReplicationCore copy() {
    TreeMap<String, PeerState> peersCopy = new TreeMap<>();
    peers.forEach((name, p) -> peersCopy.put(name, p.copy()));
    return new ReplicationCore(scope, self, settings, bugs, local.copy(), peersCopy, localSeq);
  }

  public NodeId self() {
    return self;
  }

  /** One local change (a call or a process exit), published by the store: origin = this node. */
  public List<Output> localChange(StoreChange.Delta change) {
    return localChanges(List.of(change));
  }

  /** Several local changes in order; they travel to each peer as one message. */
  public List<Output> localChanges(List<StoreChange.Delta> changes) {
    if (changes.isEmpty()) {
      return List.of();
    }
    List<Change> batch = new ArrayList<>(changes.size());
    for (StoreChange.Delta d : changes) {
      if (!d.origin().equals(self.name())) {
        throw new IllegalArgumentException("not a local change: origin " + d.origin());
      }
      local.apply(d.direction(), d.pidsByGroup());
      batch.add(new Change(d.direction(), d.pidsByGroup()));
    }
    long firstSeq = localSeq + 1;
    localSeq += batch.size();
    ForScope message = wrap(new Deltas(self.incarnation(), firstSeq, List.copyOf(batch)));
    List<Output> out = new ArrayList<>();
    for (PeerState p : peers.values()) {
      if (p.up != null) {
        out.add(new Send(p.up, message));
      }
    }
    return out;
  }

  /** The last local change's number (0 before the first): what a probe's answer is held to. */
  public long localSeq() {
    return localSeq;
  }

  /** The peers up now, by this core's view. */
  public List<NodeId> peersUp() {
    List<NodeId> up = new ArrayList<>();
    peers
        .values()
        .forEach(
            p -> {
              if (p.up != null) {
                up.add(p.up);
              }
            });
    return up;
  }

  /**
   * Asks {@code peers} (up ones; others are skipped) how far they applied this node's changes; each
   * answer comes back as an {@link Output.Acked} with {@code token}.
   */
  public List<Output> probe(long token, List<NodeId> peers) {
    ForScope message = wrap(new Probe(self.incarnation(), token));
    List<Output> out = new ArrayList<>();
    for (NodeId peer : peers) {
      PeerState p = this.peers.get(peer.name());
      if (p != null && peer.equals(p.up)) {
        out.add(new Send(p.up, message));
      }
    }
    return out;
  }

  /** The transport reports {@code peer} reachable: first contact, back again, or restarted. */
  public List<Output> peerUp(NodeId peer, long now) {
    PeerState p = peers.computeIfAbsent(peer.name(), n -> new PeerState());
    if (p.up != null && !bugs.contains(IGNORE_INCARNATIONS)) {
      if (peer.incarnation() < p.up.incarnation()) {
        return List.of(); // a late report about an earlier start
      }
      if (peer.incarnation() == p.up.incarnation() && !p.suspected) {
        return List.of();
      }
    }
    List<Output> out = new ArrayList<>();
    boolean newIncarnation = p.up == null || p.up.incarnation() != peer.incarnation();
    if (newIncarnation && !bugs.contains(IGNORE_INCARNATIONS)) {
      drop(peer.name(), p, out);
    }
    p.up = peer;
    wake(p, now);
    out.add(new Send(peer, fullSync()));
    return out;
  }

  /** The transport reports {@code peer} unreachable or gone: drop its slots. */
  public List<Output> peerDown(NodeId peer) {
    PeerState p = peers.get(peer.name());
    if (p == null
        || p.up == null
        || (peer.incarnation() < p.up.incarnation() && !bugs.contains(IGNORE_INCARNATIONS))) {
      return List.of();
    }
    List<Output> out = new ArrayList<>();
    drop(peer.name(), p, out);
    p.up = null;
    return out;
  }

  /**
   * A decoded message from {@code from}. Throws, changing nothing, if it claims slots that are not
   * the peer's own.
   */
  public List<Output> receive(NodeId from, ProtocolMessage message, long now)
      throws MalformedMessageException {
    checkOwnership(from, message);
    List<Output> out = new ArrayList<>();
    PeerState p = acceptingPeer(from, message, now, out);
    if (p == null) {
      return out;
    }
    if (p.suspected) {
      p.suspected = false; // it answers again: exchange full states
      out.add(new Send(p.up, fullSync()));
    }
    p.lastHeard = Math.max(p.lastHeard, now);
    if (message instanceof Sync s) {
      onSync(from.name(), p, s, out);
    } else if (message instanceof Deltas d) {
      onDeltas(from.name(), p, d, out);
    } else if (message instanceof Digest g) {
      onDigest(p, g);
    } else if (message instanceof ResyncRequest) {
      out.add(new Send(p.up, fullSync()));
    } else if (message instanceof Probe q) {
      long applied = p.synced ? p.appliedSeq : 0;
      out.add(new Send(p.up, wrap(new ProbeAck(self.incarnation(), q.token(), applied))));
    } else if (message instanceof ProbeAck a) {
      out.add(new Output.Acked(p.up, a.token(), a.appliedSeq()));
    }
    // One request per loss; the peer's digests retry it if the request or its answer is lost.
    boolean retry =
        message instanceof Digest && now - p.lastResyncRequest >= settings.resyncRetry();
    if (!p.synced && (!p.resyncPending || retry)) {
      p.resyncPending = true;
      p.lastResyncRequest = now;
      out.add(new Send(p.up, wrap(new ResyncRequest(self.incarnation()))));
    }
    return out;
  }

  /** Time passes: send due digests, suspect silent peers. */
  public List<Output> tick(long now) {
    List<Output> out = new ArrayList<>();
    ForScope digest = wrap(new Digest(self.incarnation(), localSeq, local.hash()));
    for (Map.Entry<String, PeerState> e : peers.entrySet()) {
      PeerState p = e.getValue();
      if (p.up == null) {
        continue;
      }
      if (!p.suspected
          && now - p.lastHeard > settings.suspectAfter()
          && !bugs.contains(NO_SUSPICION)) {
        p.suspected = true;
        drop(e.getKey(), p, out);
      }
      if (now - p.lastDigestSent >= settings.digestInterval() && !bugs.contains(NO_ANTI_ENTROPY)) {
        p.lastDigestSent = now;
        out.add(new Send(p.up, digest));
      }
    }
    return out;
  }

  /** A canonical description of the protocol state (times excluded), for state hashing. */
  public String fingerprint() {
    StringBuilder sb = new StringBuilder().append(localSeq).append(':').append(local.hash());
    peers.forEach((name, p) -> sb.append('|').append(name).append('=').append(p.fingerprint()));
    return sb.toString();
  }

  private PeerState acceptingPeer(
      NodeId from, ProtocolMessage message, long now, List<Output> out) {
    PeerState p = peers.get(from.name());
    if (bugs.contains(ACCEPT_FROM_DOWN_PEERS) && (p == null || p.up == null)) {
      p = peers.computeIfAbsent(from.name(), n -> new PeerState());
      p.up = from;
      p.lastHeard = now;
    }
    if (p == null || p.up == null) {
      return null; // not up: a late message from before a failure
    }
    if (bugs.contains(IGNORE_INCARNATIONS)) {
      return p;
    }
    if (message.incarnation() != from.incarnation() || from.incarnation() < p.up.incarnation()) {
      return null; // from an earlier start
    }
    if (from.incarnation() > p.up.incarnation()) {
      // A newer start proves the old one gone, before the transport says so.
      out.addAll(peerUp(from, now));
    }
    return p;
  }

  private void onSync(String origin, PeerState p, Sync s, List<Output> out) {
    if (p.synced && s.seq() < p.appliedSeq) {
      return; // an older full state than what we hold
    }
    out.add(new Apply(new StoreChange.Sync(origin, s.pidsByGroup())));
    p.synced = true;
    p.resyncPending = false;
    p.holding = true;
    p.appliedSeq = s.seq();
    p.replicaHash = SlotHash.sum(s.pidsByGroup());
  }

  private void onDeltas(String origin, PeerState p, Deltas d, List<Output> out) {
    if (!p.synced) {
      return; // no base to apply to: a resync fetches one
    }
    long lastSeq = d.firstSeq() + d.changes().size() - 1;
    if (d.firstSeq() > p.appliedSeq + 1 && !bugs.contains(APPLY_OUT_OF_ORDER)) {
      p.synced = false; // a gap: changes were lost
      return;
    }
    int skip =
        bugs.contains(APPLY_DUPLICATES) || bugs.contains(APPLY_OUT_OF_ORDER)
            ? 0
            : (int) Math.max(0, Math.min(d.changes().size(), p.appliedSeq + 1 - d.firstSeq()));
    for (Change c : d.changes().subList(skip, d.changes().size())) {
      out.add(new Apply(new StoreChange.Delta(origin, c.direction(), c.pidsByGroup())));
      p.replicaHash += SlotHash.delta(c.direction(), c.pidsByGroup());
      p.holding = true;
    }
    p.appliedSeq = Math.max(p.appliedSeq, lastSeq);
  }

  private void onDigest(PeerState p, Digest g) {
    if (p.synced && g.seq() < p.appliedSeq) {
      return; // older than what we applied: overtaken on the way
    }
    if (g.seq() != p.appliedSeq || g.hash() != p.replicaHash) {
      p.synced = false; // lost changes: a resync repairs them
    }
  }

  private void wake(PeerState p, long now) {
    p.suspected = false;
    p.lastHeard = now;
    p.resyncPending = true; // its own full sync is on the way; ask only if it does not come
    p.lastResyncRequest = now;
  }

  private void drop(String origin, PeerState p, List<Output> out) {
    if (bugs.contains(SKIP_DOWN_CLEANUP)) {
      return;
    }
    if (p.holding) {
      out.add(new Apply(new StoreChange.Drop(origin)));
    }
    p.forgetReplica();
  }

  private ForScope fullSync() {
    return wrap(new Sync(self.incarnation(), localSeq, local.snapshot()));
  }

  private ForScope wrap(ProtocolMessage message) {
    return new ForScope(scope, message);
  }

  private void checkOwnership(NodeId from, ProtocolMessage message)
      throws MalformedMessageException {
    if (from.name().equals(self.name())) {
      throw new MalformedMessageException("a message claims to come from this node");
    }
    if (message instanceof Sync s) {
      checkPids(s.pidsByGroup(), from.name());
    } else if (message instanceof Deltas d) {
      for (Change c : d.changes()) {
        checkPids(c.pidsByGroup(), from.name());
      }
    }
  }

  private static void checkPids(Map<String, List<Pid>> pidsByGroup, String node)
      throws MalformedMessageException {
    for (List<Pid> pids : pidsByGroup.values()) {
      for (Pid pid : pids) {
        if (!pid.node().equals(node)) {
          throw new MalformedMessageException("slot of another node: " + pid);
        }
      }
    }
  }
}
