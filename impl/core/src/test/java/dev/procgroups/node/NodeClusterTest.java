package dev.procgroups.node;

import static dev.procgroups.node.NodeFixtures.await;
import static dev.procgroups.node.NodeFixtures.members;
import static dev.procgroups.node.NodeFixtures.spawnMember;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.pg.PgInstance;
import dev.procgroups.process.Message;
import dev.procgroups.process.Pid;
import dev.procgroups.transport.atomix.SeedMember;
import dev.procgroups.transport.auth.ClusterSecret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Three real nodes (Atomix on loopback) in this JVM: membership, broadcast, exit and restart. */
@Timeout(120)
class NodeClusterTest {

  private static final ClusterSecret SECRET = ClusterSecret.random();

  private final List<Node> nodes = new ArrayList<>();
  private final List<SeedMember> seeds = new ArrayList<>();

  @BeforeEach
  void startThree() throws Exception {
    for (int i = 1; i <= 3; i++) {
      seeds.add(
          new SeedMember("n" + i, "127.0.0.1", dev.procgroups.transport.atomix.FreePorts.next()));
    }
    for (int i = 1; i <= 3; i++) {
      nodes.add(start(i, 1));
    }
  }

  @AfterEach
  void stopAll() {
    nodes.forEach(Node::close);
  }

  @Test
  void joinsOnOneNodeAreSeenOnTheOthersAndBroadcastsReachRemoteMembers() throws Exception {
    BlockingQueue<Message> received = new ArrayBlockingQueue<>(10);
    Pid member = spawnMember(nodes.get(1), "workers", received);
    for (Node n : nodes) {
      await(
          () -> members(n, "workers").equals(List.of(member)),
          "node " + n.id() + " sees the member");
    }
    BlockingQueue<Pid> sender = new ArrayBlockingQueue<>(1);
    nodes
        .get(2)
        .processes()
        .spawn(
            ctx -> {
              PgInstance g = nodes.get(2).pg().open(ctx.handle(), "app:pg");
              g.broadcast("workers", "task", 42L);
              sender.put(ctx.pid());
            });
    Message m = received.poll(20, TimeUnit.SECONDS);
    assertThat(m).as("the remote member received the broadcast").isNotNull();
    assertThat(m.payload()).isEqualTo(42L);
    assertThat(m.from()).isEqualTo(sender.poll(5, TimeUnit.SECONDS));
  }

  @Test
  void aKilledProcessAndAStoppedNodeLoseTheirSlotsAndARestartResyncs() throws Exception {
    Pid onTwo = spawnMember(nodes.get(1), "g", new ArrayBlockingQueue<>(1));
    Pid onThree = spawnMember(nodes.get(2), "g", new ArrayBlockingQueue<>(1));
    await(() -> members(nodes.get(0), "g").size() == 2, "node 1 sees both members");

    nodes.get(1).processes().kill(onTwo);
    await(() -> members(nodes.get(0), "g").equals(List.of(onThree)), "a killed process leaves");

    nodes.get(2).close();
    await(() -> members(nodes.get(0), "g").isEmpty(), "a stopped node's slots are removed");

    nodes.set(2, start(3, 2));
    Pid again = spawnMember(nodes.get(2), "g", new ArrayBlockingQueue<>(1));
    await(
        () -> members(nodes.get(0), "g").equals(List.of(again)),
        "the new incarnation's slot arrives");
    assertThat(again).isNotEqualTo(onThree);
  }

  private Node start(int index, long incarnation) throws Exception {
    SeedMember self = seeds.get(index - 1);
    return Node.start(
        NodeConfig.builder(self.name())
            .incarnation(incarnation)
            .bind(self.host(), self.port())
            .seeds(seeds)
            .scope("app:pg", Map.of())
            .secret(SECRET)
            .plaintext()
            .build());
  }
}
