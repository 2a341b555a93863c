package dev.procgroups.node;

import dev.procgroups.registry.RegistryException;
import dev.procgroups.security.SecurityPolicy;
import dev.procgroups.transport.atomix.FreePorts;
import dev.procgroups.transport.atomix.SeedMember;
import dev.procgroups.transport.auth.ClusterSecret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A cluster of real nodes in this JVM, each on its own free port of 127.0.0.1, all seeded with each
 * other, sharing one random cluster secret (so nothing outside this JVM can join) and hosting the
 * same scopes: what {@code procgroups run} and the conformance suite run scripts on. Plaintext,
 * chosen here: the traffic never leaves the loopback interface of this host.
 */
public final class LocalCluster implements AutoCloseable {

  private final List<Node> nodes = new ArrayList<>();

  /** Starts {@code size} nodes named n1, n2, … with {@code scopes} (id → config) and a policy. */
  public LocalCluster(int size, Map<String, Map<String, Object>> scopes, SecurityPolicy policy)
      throws RegistryException {
    this(size, scopes, policy, config -> {});
  }

  /**
   * The same, each node's config adjusted by {@code tune} before it starts (protocol timing,
   * limits).
   */
  public LocalCluster(
      int size,
      Map<String, Map<String, Object>> scopes,
      SecurityPolicy policy,
      Consumer<NodeConfig.Builder> tune)
      throws RegistryException {
    if (size < 1) {
      throw new IllegalArgumentException("a cluster needs at least one node, got " + size);
    }
    ClusterSecret secret = ClusterSecret.random();
    List<SeedMember> seeds = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      seeds.add(new SeedMember("n" + i, "127.0.0.1", FreePorts.next()));
    }
    try {
      for (SeedMember seed : seeds) {
        NodeConfig.Builder config =
            NodeConfig.builder(seed.name())
                .bind(seed.host(), seed.port())
                .seeds(seeds)
                .policy(policy)
                .secret(secret)
                .plaintext();
        scopes.forEach(config::scope);
        tune.accept(config);
        nodes.add(Node.start(config.build()));
      }
    } catch (RegistryException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The nodes, n1 first. */
  public List<Node> nodes() {
    return List.copyOf(nodes);
  }

  /** Node {@code index}, counting from 1. */
  public Node node(int index) {
    return nodes.get(index - 1);
  }

  public int size() {
    return nodes.size();
  }

  /** Closes the nodes in parallel (each takes a while to shut its sockets down). */
  @Override
  public void close() {
    nodes.parallelStream().forEach(Node::close);
  }
}
