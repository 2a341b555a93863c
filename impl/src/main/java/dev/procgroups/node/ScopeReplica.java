package dev.procgroups.node;

import dev.procgroups.process.MessageSink;
import dev.procgroups.process.Pid;
import dev.procgroups.replication.MalformedMessageException;
import dev.procgroups.replication.Output;
import dev.procgroups.replication.ProtocolCodec;
import dev.procgroups.replication.ProtocolMessage;
import dev.procgroups.replication.ReplicationCore;
import dev.procgroups.replication.StoreChange;
import dev.procgroups.replication.WireMessage;
import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent;
import dev.procgroups.transport.Transport;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One scope on one node: feeds its {@link ReplicationCore} with the store's local changes, peers'
 * messages, peer events and ticks, one at a time, and carries out what each step outputs (send,
 * apply to the store, deliver a remote broadcast).
 */
public final class ScopeReplica {
  private final String scope;
  private final ReplicationCore core;
  private final ReplicatedStore store;
  private final Transport transport;
  private final MessageSink sink;
  private final LongSupplier clock;

  ScopeReplica(String scope, ReplicationCore core, ReplicatedStore store, Transport transport,
      MessageSink sink, LongSupplier clock) {
    this.scope = scope;
    this.core = core;
    this.store = store;
    this.transport = transport;
    this.sink = sink;
    this.clock = clock;
    store.onLocalChange(this::localChange);
  }

  public String scope() {
    return scope;
  }

  public synchronized void localChange(StoreChange.Delta change) {
    run(core.localChange(change));
  }

  /**
   * Sends a broadcast to the members on other nodes: {@code targetsByNode} maps each node name to
   * its member PIDs (once per slot). Local members are the caller's business.
   */
  public synchronized void broadcastRemote(
      Pid sender, String topic, Object payload, Map<String, List<String>> targetsByNode) {
    run(core.broadcast(sender.toString(), topic, payload, targetsByNode));
  }

  synchronized void receive(NodeId from, ProtocolMessage message) throws MalformedMessageException {
    run(core.receive(from, message, clock.getAsLong()));
  }

  synchronized void peerEvent(PeerEvent event) {
    if (event instanceof PeerEvent.Up up) {
      run(core.peerUp(up.peer(), clock.getAsLong()));
    } else {
      run(core.peerDown(event.peer()));
    }
  }

  synchronized void tick(long now) {
    run(core.tick(now));
  }

  private void run(List<Output> outputs) {
    Map<ProtocolMessage, byte[]> encoded = new IdentityHashMap<>(); // one encoding per fan-out
    for (Output o : outputs) {
      if (o instanceof Output.Send s) {
        byte[] bytes = encoded.computeIfAbsent(s.message(),
            m -> ProtocolCodec.encode(new WireMessage(scope, m)));
        transport.send(s.to(), bytes);
      } else if (o instanceof Output.Apply a) {
        store.apply(a.change());
      } else if (o instanceof Output.Deliver d) {
        Pid from = Pid.parse(d.sender());
        for (String target : d.targets()) {
          sink.deliver(Pid.parse(target), from, d.topic(), d.payload());
        }
      }
    }
  }
}
