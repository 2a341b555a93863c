package dev.procgroups.transport.atomix;

import dev.procgroups.transport.auth.ClusterSecret;
import dev.procgroups.transport.tls.TransportSecurity;
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
    return start(name, port, incarnation, seeds, profile, secret, TransportSecurity.plaintext());
  }

  static LoopbackNode start(
      String name,
      int port,
      long incarnation,
      List<SeedMember> seeds,
      SwimProfile profile,
      ClusterSecret secret,
      TransportSecurity security) {
    AtomixTransportConfig config =
        AtomixTransportConfig.builder()
            .nodeName(name)
            .bind("127.0.0.1", port)
            .seeds(seeds)
            .incarnation(incarnation)
            .swimProfile(profile)
            .secret(secret)
            .security(security)
            .build();
    return started(new AtomixTransport(config));
  }

  /** Attaches the recorders to {@code transport} and starts it. */
  static LoopbackNode started(AtomixTransport transport) {
    LoopbackNode node = new LoopbackNode(transport);
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
