package dev.procgroups.transport.atomix;

import dev.procgroups.transport.NodeId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** N real Atomix transports on 127.0.0.1, each seeded with all of them, closed in parallel. */
final class LoopbackCluster implements AutoCloseable {

  final List<SeedMember> seeds = new ArrayList<>();
  final List<LoopbackNode> nodes = new ArrayList<>();
  private final SwimProfile profile;

  LoopbackCluster(int size, SwimProfile profile) {
    this.profile = profile;
    for (int i = 0; i < size; i++) {
      seeds.add(new SeedMember("n" + (i + 1), "127.0.0.1", FreePorts.next()));
    }
    seeds.forEach(seed -> nodes.add(startNode(seed, 1)));
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
    return LoopbackNode.start(seed.name(), seed.port(), incarnation, seeds, profile);
  }

  @Override
  public void close() {
    CompletableFuture.allOf(nodes.stream()
            .map(node -> CompletableFuture.runAsync(node::close))
            .toArray(CompletableFuture[]::new))
        .join();
  }
}
