package dev.procgroups.transport.atomix;

import dev.procgroups.transport.auth.ClusterSecret;
import java.util.List;

/** One real Atomix transport on 127.0.0.1 with recorders attached before it starts. */
final class LoopbackNode implements AutoCloseable {

  final AtomixTransport transport;
  final PeerEventLog peerEvents = new PeerEventLog();
  final MessageLog messages = new MessageLog();

  private LoopbackNode(AtomixTransport transport) {
    this.transport = transport;
  }

  /** A node with a secret of its own (alone, or a rogue among others). */
  static LoopbackNode start(
      String name, int port, long incarnation, List<SeedMember> seeds, SwimProfile profile) {
    return start(name, port, incarnation, seeds, profile, ClusterSecret.random());
  }

  static LoopbackNode start(
      String name,
      int port,
      long incarnation,
      List<SeedMember> seeds,
      SwimProfile profile,
      ClusterSecret secret) {
    AtomixTransportConfig config =
        AtomixTransportConfig.builder()
            .nodeName(name)
            .bind("127.0.0.1", port)
            .seeds(seeds)
            .incarnation(incarnation)
            .swimProfile(profile)
            .secret(secret)
            .build();
    LoopbackNode node = new LoopbackNode(new AtomixTransport(config));
    node.transport.onPeerEvent(node.peerEvents);
    node.transport.onMessage(node.messages);
    node.transport.start();
    return node;
  }

  @Override
  public void close() {
    transport.close();
  }
}
