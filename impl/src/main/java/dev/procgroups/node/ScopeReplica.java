package dev.procgroups.node;

import dev.procgroups.replication.MalformedMessageException;
import dev.procgroups.replication.Output;
import dev.procgroups.replication.ProtocolMessage;
import dev.procgroups.replication.ReplicationCore;
import dev.procgroups.replication.StoreChange;
import dev.procgroups.replication.WireMessage;
import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent;
import dev.procgroups.transport.Transport;
import java.util.List;

/**
 * One scope on one node: feeds its {@link ReplicationCore} with the store's local changes (on the
 * store writer's thread) and with peers' messages, peer events and ticks (on the node's inbound
 * thread), one at a time, and carries out what each step outputs.
 */
final class ScopeReplica {
  private final ReplicationCore core;
  private final ReplicatedStore store;
  private final Transport transport;
  /** Resync requests sent, written under the core's lock. */
  private volatile long resyncRequests;

  ScopeReplica(ReplicationCore core, ReplicatedStore store, Transport transport) {
    this.core = core;
    this.store = store;
    this.transport = transport;
    store.onLocalChange(this::localChange);
  }

  /** Called by the store under its writer lock: only sends, never touches the store. */
  private void localChange(StoreChange.Delta change) {
    synchronized (core) {
      Outputs.send(transport, core.localChange(change));
    }
  }

  void receive(NodeId from, ProtocolMessage message, long now) throws MalformedMessageException {
    step(() -> core.receive(from, message, now));
  }

  void peerEvent(PeerEvent event, long now) throws MalformedMessageException {
    step(() -> event instanceof PeerEvent.Up up ? core.peerUp(up.peer(), now)
        : core.peerDown(event.peer()));
  }

  void tick(long now) throws MalformedMessageException {
    step(() -> core.tick(now));
  }

  long resyncRequests() {
    return resyncRequests;
  }

  private static boolean asksResync(Output o) {
    return o instanceof Output.Send s && s.message() instanceof WireMessage.ForScope f
        && f.message() instanceof ProtocolMessage.ResyncRequest;
  }

  /** Runs one input; the store is written after the core's lock is released. */
  private void step(Step input) throws MalformedMessageException {
    List<Output> out;
    synchronized (core) {
      out = input.run();
      resyncRequests += out.stream().filter(ScopeReplica::asksResync).count();
      Outputs.send(transport, out);
    }
    Outputs.apply(out, store);
  }

  @FunctionalInterface
  private interface Step {
    List<Output> run() throws MalformedMessageException;
  }
}
