package dev.procgroups.replication;

import static dev.procgroups.replication.PlantedBug.ACCEPT_FROM_DOWN_PEERS;
import static dev.procgroups.replication.PlantedBug.APPLY_DUPLICATES;
import static dev.procgroups.replication.PlantedBug.APPLY_OUT_OF_ORDER;
import static dev.procgroups.replication.PlantedBug.FULL_SYNC_ON_HEAL;
import static dev.procgroups.replication.PlantedBug.HIDDEN_COPY_LEAKS;
import static dev.procgroups.replication.PlantedBug.IGNORE_INCARNATIONS;
import static dev.procgroups.replication.PlantedBug.NO_ANTI_ENTROPY;
import static dev.procgroups.replication.PlantedBug.NO_HEAL_STAGGER;
import static dev.procgroups.replication.PlantedBug.NO_SUSPICION;
import static dev.procgroups.replication.PlantedBug.PATCH_SKIPS_A_CHANGE;
import static dev.procgroups.replication.PlantedBug.SKIP_DOWN_CLEANUP;

import dev.procgroups.process.Pid;
import dev.procgroups.replication.Output.Apply;
import dev.procgroups.replication.Output.Send;
import dev.procgroups.replication.ProtocolMessage.Change;
import dev.procgroups.replication.ProtocolMessage.Deltas;
import dev.procgroups.replication.ProtocolMessage.Digest;
import dev.procgroups.replication.ProtocolMessage.Patch;
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
 * local change to every peer; a peer that goes down has its slots dropped from the view. Hardened:
 * changes carry (incarnation, seq) so gaps trigger a resync, duplicates are ignored and a newer
 * incarnation drops the older one's slots; periodic digests (last seq and an order-free hash of the
 * local slots) repair lost messages; a peer silent for {@code suspectAfter} is treated as down for
 * this scope until it is heard again (SWIM misses one-link cuts).
 *
 * <p>A heal costs the difference, not the state: the replica of a peer that goes down is kept,
 * hidden from the view; when the same incarnation comes back, this node asks it for what changed
 * since the replica's change number ({@link ResyncRequest} with a base), and the peer answers from
 * its log of recent changes with their net effect ({@link Patch}), or with its full state ({@link
 * Sync}) when the log does not reach back or the base is not what it had. The view regains the
 * slots only then. With many peers, the exchange after a peer comes up waits for this pair's turn
 * (up to a digest interval), so that a heal of many nodes does not start every pair's exchange at
 * one instant.
 */
public final class ReplicationCore {
  /** After a mass up, about how many exchanges a node starts per digest interval (see stagger). */
  static final int EXCHANGES_PER_INTERVAL = 200;

  private final String scope;
  private final NodeId self;
  private final ReplicationSettings settings;
  private final Set<PlantedBug> bugs;
  private final LocalSlots local;
  private final ChangeLog log;
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
        new ChangeLog(settings.changeLogSlots()),
        new TreeMap<>(),
        0);
  }

  private ReplicationCore(
      String scope,
      NodeId self,
      ReplicationSettings settings,
      Set<PlantedBug> bugs,
      LocalSlots local,
      ChangeLog log,
      TreeMap<String, PeerState> peers,
      long localSeq) {
    this.scope = scope;
    this.self = self;
    this.settings = settings;
    this.bugs = bugs;
    this.local = local;
    this.log = log;
    this.peers = peers;
    this.localSeq = localSeq;
  }

  /** An independent copy, for explorers that branch (the model checker). */
  public ReplicationCore copy() {
    TreeMap<String, PeerState> peersCopy = new TreeMap<>();
    peers.forEach((name, p) -> peersCopy.put(name, p.copy()));
    return new ReplicationCore(
        scope, self, settings, bugs, local.copy(), log.copy(), peersCopy, localSeq);
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
    log.append(batch);
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
    boolean sameStart = p.replica != null && p.replicaIncarnation == peer.incarnation();
    if (!sameStart && !bugs.contains(IGNORE_INCARNATIONS)) {
      forget(peer.name(), p, out);
    }
    p.up = peer;
    wake(p, now);
    p.resumeAt = now + stagger(peer);
    if (p.resumeAt <= now) {
      resume(p, now, out);
    }
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
    hide(peer.name(), p, out);
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
      wake(p, now); // it answers again: ask for what it changed meanwhile
      resume(p, now, out);
    }
    p.lastHeard = Math.max(p.lastHeard, now);
    if (message instanceof Sync s) {
      onSync(from.name(), p, s, out);
    } else if (message instanceof Deltas d) {
      onDeltas(from.name(), p, d, out);
    } else if (message instanceof Digest g) {
      onDigest(p, g);
    } else if (message instanceof ResyncRequest r) {
      out.add(new Send(p.up, answer(r)));
    } else if (message instanceof Patch patch) {
      onPatch(from.name(), p, patch, out);
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
      out.add(new Send(p.up, resyncRequest(p)));
    }
    return out;
  }

  /** Time passes: send due digests and resume exchanges, suspect silent peers. */
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
        hide(e.getKey(), p, out);
      }
      if (now >= p.resumeAt) {
        resume(p, now, out);
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
    p.replica = LocalSlots.of(s.pidsByGroup());
    p.replicaIncarnation = s.incarnation();
    p.appliedSeq = s.seq();
    settle(p);
  }

  /**
   * Brings the replica from the patch's base to its number; reveals it if hidden. A patch on
   * another base is ignored (the request is retried); one whose result is not the sender's state
   * leaves no trusted replica, and a full resync follows.
   */
  private void onPatch(String origin, PeerState p, Patch patch, List<Output> out) {
    if (p.replica == null
        || p.replicaIncarnation != patch.incarnation()
        || p.appliedSeq != patch.baseSeq()
        || (p.synced && patch.seq() <= p.appliedSeq)) {
      return;
    }
    p.replica.apply(StoreChange.Direction.LEAVE, patch.leaves());
    p.replica.apply(StoreChange.Direction.JOIN, patch.joins());
    if (p.replica.hash() != patch.hash()) {
      p.distrustReplica(); // not the sender's state: a full resync follows (the view is untouched)
      return;
    }
    if (p.holding) {
      applyIfAny(origin, StoreChange.Direction.LEAVE, patch.leaves(), out);
      applyIfAny(origin, StoreChange.Direction.JOIN, patch.joins(), out);
    } else {
      out.add(new Apply(new StoreChange.Sync(origin, p.replica.snapshot())));
    }
    p.appliedSeq = patch.seq();
    settle(p);
  }

  /** The replica is current and in the view: deltas apply on top, no exchange is due. */
  private static void settle(PeerState p) {
    p.synced = true;
    p.resyncPending = false;
    p.resumeAt = PeerState.NOT_DUE;
    p.holding = true;
  }

  private static void applyIfAny(
      String origin,
      StoreChange.Direction direction,
      Map<String, List<Pid>> pidsByGroup,
      List<Output> out) {
    if (!pidsByGroup.isEmpty()) {
      out.add(new Apply(new StoreChange.Delta(origin, direction, pidsByGroup)));
    }
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
      p.replica.apply(c.direction(), c.pidsByGroup());
      p.holding = true;
    }
    p.appliedSeq = Math.max(p.appliedSeq, lastSeq);
  }

  private static void onDigest(PeerState p, Digest g) {
    if (p.synced && g.seq() < p.appliedSeq) {
      return; // older than what we applied: overtaken on the way
    }
    if (p.replica != null && g.seq() == p.appliedSeq && g.hash() != p.replica.hash()) {
      p.distrustReplica(); // the same number, other slots: only a full resync repairs that
    } else if (g.seq() != p.appliedSeq) {
      p.synced = false; // lost changes: a resync repairs them
    }
  }

  private void wake(PeerState p, long now) {
    p.suspected = false;
    p.lastHeard = now;
    p.resyncPending = true; // the exchange after up asks; ask again only if it gets no answer
    p.lastResyncRequest = now;
  }

  /**
   * The exchange after a peer comes up (or answers again): ask for what changed since the replica,
   * or for everything.
   */
  private void resume(PeerState p, long now, List<Output> out) {
    p.resumeAt = PeerState.NOT_DUE;
    p.resyncPending = true;
    p.lastResyncRequest = now;
    out.add(new Send(p.up, resyncRequest(p)));
  }

  /**
   * How long the exchange after {@code peer} comes up waits: this pair's turn in a window of {@code
   * peers / EXCHANGES_PER_INTERVAL} digest intervals (one at most), so that after a heal of many
   * nodes each starts about {@value #EXCHANGES_PER_INTERVAL} exchanges per interval rather than all
   * at one failure-detector report. A window under a quarter interval (under 50 peers) is not worth
   * waiting a tick for (real nodes tick every quarter interval): the exchange starts at once. The
   * turn is a hash of both names, so each end of a pair has its own and a simulation stays
   * deterministic.
   */
  private long stagger(NodeId peer) {
    long window =
        Math.min(
            settings.digestInterval(),
            settings.digestInterval() * peers.size() / EXCHANGES_PER_INTERVAL);
    if (window < settings.digestInterval() / 4 || window == 0 || bugs.contains(NO_HEAL_STAGGER)) {
      return 0;
    }
    long h = 0x9E3779B97F4A7C15L * (self.name().hashCode() * 31L + peer.name().hashCode());
    return Math.floorMod(h ^ (h >>> 29), window);
  }

  private ForScope resyncRequest(PeerState p) {
    if (p.replica == null || bugs.contains(FULL_SYNC_ON_HEAL)) {
      return wrap(new ResyncRequest(self.incarnation()));
    }
    return wrap(new ResyncRequest(self.incarnation(), p.appliedSeq, p.replica.hash()));
  }

  /**
   * What changed since the asker's base, if the log reaches back and the base hash is what this
   * node held at that number; otherwise the whole state.
   */
  private ForScope answer(ResyncRequest r) {
    ChangeLog.Difference d = r.hasBase() ? log.since(r.baseSeq(), false) : null;
    if (d == null
        || local.hash() - SlotHash.sum(d.joins()) + SlotHash.sum(d.leaves()) != r.baseHash()) {
      return fullSync();
    }
    if (bugs.contains(PATCH_SKIPS_A_CHANGE)) {
      d = log.since(r.baseSeq(), true);
    }
    return wrap(
        new Patch(self.incarnation(), r.baseSeq(), localSeq, local.hash(), d.leaves(), d.joins()));
  }

  /** The peer is out of reach: its slots leave the view, its replica stays for a resume. */
  private void hide(String origin, PeerState p, List<Output> out) {
    if (bugs.contains(SKIP_DOWN_CLEANUP)) {
      return;
    }
    if (p.holding && !bugs.contains(HIDDEN_COPY_LEAKS)) {
      out.add(new Apply(new StoreChange.Drop(origin)));
    }
    p.hideReplica();
  }

  /** The replica cannot be resumed (another incarnation, or not to be trusted): drop it all. */
  private void forget(String origin, PeerState p, List<Output> out) {
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
    } else if (message instanceof Patch patch) {
      checkPids(patch.leaves(), from.name());
      checkPids(patch.joins(), from.name());
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
