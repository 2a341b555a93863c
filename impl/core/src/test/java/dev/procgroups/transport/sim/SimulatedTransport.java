package dev.procgroups.transport.sim;

import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent;
import dev.procgroups.transport.Transport;
import java.util.function.Consumer;

/** One node's view of a {@link SimNetwork}: sends go through the network's faults and delays. */
public final class SimulatedTransport implements Transport {
  private final SimNetwork network;
  private final NodeId self;
  private MessageHandler messageHandler = (from, message) -> {};
  private Consumer<PeerEvent> peerListener = e -> {};

  SimulatedTransport(SimNetwork network, NodeId self) {
    this.network = network;
    this.self = self;
  }

  @Override
  public NodeId self() {
    return self;
  }

  @Override
  public void send(NodeId to, byte[] message) {
    network.send(self, to, message.clone());
  }

  @Override
  public void onMessage(MessageHandler handler) {
    this.messageHandler = handler;
  }

  @Override
  public void onPeerEvent(Consumer<PeerEvent> listener) {
    this.peerListener = listener;
  }

  /** Stops this node as a crash would: nothing more is sent or delivered to it. */
  @Override
  public void close() {
    network.crash(self.name());
  }

  void deliver(NodeId from, byte[] message) {
    messageHandler.handle(from, message);
  }

  void peerEvent(PeerEvent event) {
    peerListener.accept(event);
  }
}
