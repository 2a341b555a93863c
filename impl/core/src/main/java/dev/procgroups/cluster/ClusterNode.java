package dev.procgroups.cluster;

import dev.procgroups.pg.RemoteBroadcast;
import dev.procgroups.process.MessageSink;
import dev.procgroups.process.Pid;
import dev.procgroups.process.RemoteRouter;
import dev.procgroups.replication.DeliveryCore;
import dev.procgroups.replication.MalformedMessageException;
import dev.procgroups.replication.Output;
import dev.procgroups.replication.ProtocolCodec;
import dev.procgroups.replication.ReplicationCore;
import dev.procgroups.replication.ReplicationSettings;
import dev.procgroups.replication.WireMessage;
import dev.procgroups.transport.BoundedHandOff;
import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent;
import dev.procgroups.transport.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A node's cluster layer over one {@link Transport}: one {@link ScopeReplica} per replicated scope,
 * and the node-wide channel for messages to remote processes (remote broadcast and send). Inbound
 * messages, peer events and ticks run one at a time on the {@code inbound} executor (a single
 * thread for real nodes, the caller's thread in the simulator); malformed messages and those for a
 * scope not replicated here are counted and dropped.
 *
 * <p>Backpressure: messages reach the inbound executor through two {@link BoundedHandOff} lanes,
 * one for replication messages (repaired by digests and resyncs) and one for remote deliveries (at
 * most once anyway), sized by {@link InboundLanes}; when the messages of a kind waiting there hold
 * more than its lane's capacity, further ones of that kind are dropped and counted. Both lanes feed
 * the one executor queue, so messages keep their arrival order. Peer events, ticks and local-change
 * flushes bypass the lanes and are never dropped. All of a node's threads and queues:
 * impl/README.md, "Threads and queues".
 */
public final class ClusterNode implements RemoteBroadcast, RemoteRouter {
  private final Transport transport;
  private final MessageSink sink;
  private final ReplicationSettings settings;
  private final LongSupplier clock;
  private final Executor inbound;
  private final DeliveryCore delivery;
  private final Map<String, ScopeReplica> scopes = new ConcurrentHashMap<>();

  /** Peers up now, so that a scope replicated later starts with them (inbound thread only). */
  private final Map<String, NodeId> upPeers = new TreeMap<>();

  private final AtomicLong rejected = new AtomicLong();
  private final BoundedHandOff replicationLane;
  private final BoundedHandOff deliveryLane;
  private final AtomicLong droppedProtocol = new AtomicLong();
  private final AtomicLong droppedDeliveries = new AtomicLong();
  private final PeerView peerView;

  /** With {@link InboundLanes#DEFAULT} lanes. */
  public ClusterNode(
      Transport transport,
      MessageSink sink,
      ReplicationSettings settings,
      LongSupplier clock,
      Executor inbound) {
    this(transport, sink, settings, clock, inbound, InboundLanes.DEFAULT);
  }

  /**
   * @param lanes how many bytes of messages of each kind may wait for {@code inbound}
   */
  public ClusterNode(
      Transport transport,
      MessageSink sink,
      ReplicationSettings settings,
      LongSupplier clock,
      Executor inbound,
      InboundLanes lanes) {
    this.transport = transport;
    this.sink = sink;
    this.settings = settings;
    this.clock = clock;
    this.inbound = inbound;
    this.delivery = new DeliveryCore(transport.self());
    this.peerView = new PeerView(transport.self().name());
    this.replicationLane = new BoundedHandOff(inbound, lanes.replicationBytes());
    this.deliveryLane = new BoundedHandOff(inbound, lanes.deliveryBytes());
    transport.onMessage(this::handOff);
    transport.onPeerEvent(event -> inbound.execute(() -> onPeerEvent(event)));
  }

  public NodeId self() {
    return transport.self();
  }

  /** The peers up now, by name, with their incarnations (a snapshot; any thread). */
  public Map<String, NodeId> peers() {
    return peerView.peers();
  }

  /**
   * Completes with {@link #peers()} once at least {@code count} peers are up. A node that has just
   * started sees no peer yet, and a visibility wait ({@link #visibleOnPeers}) covers only the peers
   * it sees: wait here first when the caller knows how many nodes it expects. Bound it ({@link
   * CompletableFuture#orTimeout}); cancelling it stops the wait. It completes on the caller's
   * thread or on the node's replication thread: chain long work with the {@code ...Async} methods.
   *
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public CompletableFuture<Map<String, NodeId>> whenPeersUp(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("peer count must not be negative: " + count);
    }
    return peerView.whenAtLeast(count);
  }

  /**
   * Waits up to {@code timeout} until at least {@code count} peers are up (see {@link
   * #whenPeersUp}).
   *
   * @return true once they are; false if the time ran out or the thread was interrupted first
   */
  public boolean awaitPeers(int count, Duration timeout) {
    CompletableFuture<Map<String, NodeId>> up = whenPeersUp(count);
    try {
      up.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      up.cancel(false);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      up.cancel(false);
      return false;
    }
  }

  /**
   * Calls {@code listener} at every peer up or down, after {@link #peers()} has changed, on the
   * node's replication thread: keep it short. Peers already up are not replayed.
   */
  public void onPeerChange(Consumer<PeerEvent> listener) {
    peerView.onChange(listener);
  }

  /**
   * Replicates {@code store} as scope {@code scope} from now on. Call it when the store is made,
   * before any local change: the core learns local slots only from the store's change stream.
   */
  public void addScope(String scope, ReplicatedStore store) {
    ScopeReplica replica =
        new ScopeReplica(
            new ReplicationCore(scope, transport.self(), settings), store, transport, inbound);
    if (scopes.putIfAbsent(scope, replica) != null) {
      throw new IllegalStateException("scope already replicated: " + scope);
    }
    inbound.execute(
        () ->
            upPeers
                .values()
                .forEach(
                    peer ->
                        guarded(
                            () -> replica.peerEvent(new PeerEvent.Up(peer), clock.getAsLong()))));
  }

  /**
   * Completes once every change this node made in {@code scope} before the call is applied on every
   * peer up at the call, or that peer went down (see {@code ScopeReplica#visibleOnPeers}).
   */
  public CompletableFuture<Void> visibleOnPeers(String scope) {
    ScopeReplica replica = scopes.get(scope);
    if (replica == null) {
      throw new IllegalArgumentException("scope not replicated here: " + scope);
    }
    return replica.visibleOnPeers();
  }

  /** Messages that failed validation or named a scope not replicated here, since start. */
  public long rejectedMessages() {
    return rejected.get();
  }

  /** Replication messages dropped because the replication lane was full, since start. */
  public long droppedProtocolMessages() {
    return droppedProtocol.get();
  }

  /** Remote deliveries (broadcasts, sends) dropped because the delivery lane was full. */
  public long droppedDeliveries() {
    return droppedDeliveries.get();
  }

  /** Bytes of messages waiting for the inbound thread now, both lanes (per-message overhead in). */
  public long queuedInboundBytes() {
    return replicationLane.queuedBytes() + deliveryLane.queuedBytes();
  }

  /** Full resyncs this node asked its peers for, in every scope, since start. */
  public long resyncRequests() {
    return scopes.values().stream().mapToLong(ScopeReplica::resyncRequests).sum();
  }

  /** The timer's callback: anti-entropy and silence detection in every scope. */
  public void tick(long now) {
    inbound.execute(() -> scopes.values().forEach(s -> guarded(() -> s.tick(now))));
  }

  @Override
  public void send(String node, Pid from, String topic, Object payload, List<Pid> targets) {
    synchronized (delivery) {
      Outputs.send(transport, delivery.send(node, from, topic, payload, targets));
    }
  }

  @Override
  public boolean route(Pid to, Pid from, String topic, Object payload) {
    synchronized (delivery) {
      List<Output> out = delivery.send(to.node(), from, topic, payload, List.of(to));
      Outputs.send(transport, out);
      return !out.isEmpty();
    }
  }

  private void handOff(NodeId from, byte[] bytes) {
    boolean delivery = ProtocolCodec.isDelivery(bytes);
    BoundedHandOff lane = delivery ? deliveryLane : replicationLane;
    if (!lane.offer(bytes.length, () -> onMessage(from, bytes))) {
      (delivery ? droppedDeliveries : droppedProtocol).incrementAndGet();
    }
  }

  private void onMessage(NodeId from, byte[] bytes) {
    guarded(
        () -> {
          ProtocolCodec.Decoded decoded = ProtocolCodec.decodeMeasured(bytes);
          WireMessage wire = decoded.message();
          if (wire instanceof WireMessage.Delivery d) {
            List<Output> out;
            synchronized (delivery) {
              out = delivery.receive(from, d);
            }
            Outputs.deliver(out, sink, decoded.payloadBytes());
            return;
          }
          WireMessage.ForScope f = (WireMessage.ForScope) wire;
          ScopeReplica replica = scopes.get(f.scope());
          if (replica == null) {
            rejected.incrementAndGet();
            return;
          }
          replica.receive(from, f.message(), clock.getAsLong());
        });
  }

  private void onPeerEvent(PeerEvent event) {
    synchronized (delivery) {
      if (event instanceof PeerEvent.Up) {
        delivery.peerUp(event.peer());
      } else {
        delivery.peerDown(event.peer());
      }
    }
    if (event instanceof PeerEvent.Up) {
      upPeers.put(event.peer().name(), event.peer());
    } else if (event.peer().equals(upPeers.get(event.peer().name()))) {
      upPeers.remove(event.peer().name());
    }
    long now = clock.getAsLong();
    scopes.values().forEach(s -> guarded(() -> s.peerEvent(event, now)));
    peerView.apply(event);
  }

  /** Runs one input; a malformed message is counted and changes nothing. */
  private void guarded(Input input) {
    try {
      input.run();
    } catch (MalformedMessageException e) {
      rejected.incrementAndGet();
    }
  }

  @FunctionalInterface
  private interface Input {
    void run() throws MalformedMessageException;
  }
}
