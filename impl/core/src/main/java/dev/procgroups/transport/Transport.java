package dev.procgroups.transport;

import java.util.function.Consumer;

/**
 * What the replication layer needs from a network: who is up, and a best-effort, FIFO-per-pair byte
 * channel to each peer. Implemented over Atomix (real sockets) and by the deterministic simulator.
 * Messages are opaque {@code byte[]}: each layer above encodes its own (Atomix's serializer rejects
 * records and {@code List.of}).
 */
public interface Transport extends AutoCloseable {

  /** This node's identity (name and the incarnation of this start). */
  NodeId self();

  /** Sends to one peer; never blocks on the network; may be dropped if the peer is unreachable. */
  void send(NodeId to, byte[] message);

  /** Registers the single receiver of inbound messages; {@code from} is our own sender field. */
  void onMessage(MessageHandler handler);

  /** Registers the single receiver of membership changes (peer up, down, new incarnation). */
  void onPeerEvent(Consumer<PeerEvent> listener);

  @Override
  void close();

  /** Inbound message callback. */
  @FunctionalInterface
  interface MessageHandler {
    void handle(NodeId from, byte[] message);
  }
}
