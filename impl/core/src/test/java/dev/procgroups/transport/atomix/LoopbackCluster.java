package dev.procgroups.transport.atomix;

import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.auth.ClusterSecret;
import dev.procgroups.transport.tls.TransportSecurity;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Real Atomix transports on 127.0.0.1, each seeded with all of them, closed in parallel. The last
 * seeds may be left to the test to run elsewhere (in a child JVM).
 */
final class LoopbackCluster implements AutoCloseable {

  final List<SeedMember> seeds = new ArrayList<>();
  final List<LoopbackNode> nodes = new ArrayList<>();
  private final SwimProfile profile;
  private final Function<String, TransportSecurity> security;

  /** The cluster's secret, as hex for child JVMs. */
  private final String secretHex = randomSecretHex();

  LoopbackCluster(int size, SwimProfile profile) {
    this(size, size, profile);
  }

  /** {@code size} seeds, of which the first {@code inThisJvm} are started here, in plaintext. */
  LoopbackCluster(int size, int inThisJvm, SwimProfile profile) {
    this(size, inThisJvm, profile, name -> TransportSecurity.plaintext());
  }

  /** {@code size} nodes, each protected as {@code security} says for its name (n1, n2, …). */
  LoopbackCluster(int size, SwimProfile profile, Function<String, TransportSecurity> security) {
    this(size, size, profile, security);
  }

  private LoopbackCluster(
      int size, int inThisJvm, SwimProfile profile, Function<String, TransportSecurity> security) {
    this.profile = profile;
    this.security = security;
    for (int i = 0; i < size; i++) {
      seeds.add(new SeedMember("n" + (i + 1), "127.0.0.1", FreePorts.next()));
    }
    seeds.subList(0, inThisJvm).forEach(seed -> nodes.add(startNode(seed, 1)));
  }

  /** Starts the seed {@code index} in a child JVM with the test JVM's options. */
  ChildNode startChild(int index, long incarnation) throws Exception {
    SeedMember seed = seeds.get(index);
    ChildNode child =
        ChildNode.start(
            java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(),
            ChildNodeMain.arguments(
                seed.name(), seed.port(), incarnation, profile, secretHex, seeds));
    if (!child.firstLine().startsWith("STARTED")) {
      child.close();
      throw new AssertionError("child node did not start: " + child.firstLine());
    }
    return child;
  }

  /** Waits until every node of this JVM has seen {@code peer} up. */
  void awaitUpEverywhere(NodeId peer, Duration timeout) throws InterruptedException {
    for (LoopbackNode observer : nodes) {
      observer.peerEvents.awaitUp(peer, timeout);
    }
  }

  LoopbackNode node(int index) {
    return nodes.get(index);
  }

  NodeId id(int index) {
    return node(index).transport.self();
  }

  /** Starts (again) the node of seed {@code index} under the given incarnation. */
  LoopbackNode restart(int index, long incarnation) {
    LoopbackNode node = startNode(seeds.get(index), incarnation);
    nodes.set(index, node);
    return node;
  }

  /** Waits until every node has seen every other one up. */
  void awaitAllUp(Duration timeout) throws InterruptedException {
    for (LoopbackNode observer : nodes) {
      for (LoopbackNode peer : nodes) {
        if (observer != peer) {
          observer.peerEvents.awaitUp(peer.transport.self(), timeout);
        }
      }
    }
  }

  private LoopbackNode startNode(SeedMember seed, long incarnation) {
    return LoopbackNode.start(
        seed.name(),
        seed.port(),
        incarnation,
        seeds,
        profile,
        secret(),
        security.apply(seed.name()));
  }

  /** The secret every node of this cluster shares. */
  ClusterSecret secret() {
    return ClusterSecret.of(HexFormat.of().parseHex(secretHex));
  }

  static String randomSecretHex() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return HexFormat.of().formatHex(secret);
  }

  @Override
  public void close() {
    CompletableFuture.allOf(
            nodes.stream()
                .map(node -> CompletableFuture.runAsync(node::close))
                .toArray(CompletableFuture[]::new))
        .join();
  }
}
