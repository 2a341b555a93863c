package dev.procgroups.node;

import dev.procgroups.process.MessageSink;
import dev.procgroups.replication.MalformedMessageException;
import dev.procgroups.replication.ProtocolCodec;
import dev.procgroups.replication.ReplicationCore;
import dev.procgroups.replication.ReplicationSettings;
import dev.procgroups.replication.WireMessage;
import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent;
import dev.procgroups.transport.Transport;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A node's replication: one {@link Transport}, one {@link ScopeReplica} per scope. Routes inbound
 * messages to their scope (malformed or unknown-scope ones are counted and dropped), tells every
 * scope about peer events, and ticks them all on the driver's timer.
 */
public final class ClusterNode {
  private final Transport transport;
  private final MessageSink sink;
  private final ReplicationSettings settings;
  private final LongSupplier clock;
  private final Map<String, ScopeReplica> scopes = new ConcurrentHashMap<>();
  /** Peers up now, so that a scope opened later starts with them. */
  private final Map<String, NodeId> upPeers = new TreeMap<>();
  private final AtomicLong rejected = new AtomicLong();

  public ClusterNode(Transport transport, MessageSink sink, ReplicationSettings settings,
      LongSupplier clock) {
    this.transport = transport;
    this.sink = sink;
    this.settings = settings;
    this.clock = clock;
    transport.onMessage(this::onMessage);
    transport.onPeerEvent(this::onPeerEvent);
  }

  public NodeId self() {
    return transport.self();
  }

  /** Replicates {@code store} as scope {@code scope} from now on. */
  public synchronized ScopeReplica addScope(String scope, ReplicatedStore store) {
    if (scopes.containsKey(scope)) {
      throw new IllegalStateException("scope already replicated: " + scope);
    }
    ScopeReplica replica = new ScopeReplica(scope, new ReplicationCore(transport.self(), settings),
        store, transport, sink, clock);
    scopes.put(scope, replica);
    upPeers.values().forEach(peer -> replica.peerEvent(new PeerEvent.Up(peer)));
    return replica;
  }

  /** Messages that failed validation or named an unknown scope, since start. */
  public long rejectedMessages() {
    return rejected.get();
  }

  /** The timer's callback: anti-entropy and silence detection in every scope. */
  public void tick(long now) {
    scopes.values().forEach(s -> s.tick(now));
  }

  private void onMessage(NodeId from, byte[] bytes) {
    try {
      WireMessage wire = ProtocolCodec.decode(bytes);
      ScopeReplica replica = scopes.get(wire.scope());
      if (replica == null) {
        rejected.incrementAndGet();
        return;
      }
      replica.receive(from, wire.message());
    } catch (MalformedMessageException e) {
      rejected.incrementAndGet();
    }
  }

  private synchronized void onPeerEvent(PeerEvent event) {
    if (event instanceof PeerEvent.Up) {
      upPeers.put(event.peer().name(), event.peer());
    } else if (event.peer().equals(upPeers.get(event.peer().name()))) {
      upPeers.remove(event.peer().name());
    }
    scopes.values().forEach(s -> s.peerEvent(event));
  }
}
