package dev.procgroups.node;

import static dev.procgroups.node.NodeFixtures.await;
import static dev.procgroups.node.NodeFixtures.members;
import static dev.procgroups.node.NodeFixtures.spawnMember;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.process.Message;
import dev.procgroups.process.Pid;
import dev.procgroups.replication.ProtocolCodec;
import dev.procgroups.replication.ProtocolMessage.Change;
import dev.procgroups.replication.ProtocolMessage.Deltas;
import dev.procgroups.replication.ProtocolMessage.Sync;
import dev.procgroups.replication.WireMessage;
import dev.procgroups.store.StoreChange.Direction;
import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent;
import dev.procgroups.transport.atomix.AtomixTransport;
import dev.procgroups.transport.atomix.AtomixTransportConfig;
import dev.procgroups.transport.atomix.FreePorts;
import dev.procgroups.transport.atomix.SeedMember;
import dev.procgroups.transport.atomix.SwimProfile;
import dev.procgroups.transport.auth.ClusterSecret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two honest nodes sharing a secret, and a real Atomix node with another secret seeded with them
 * that sends hand-made protocol messages (a full sync and a join naming its own PID in the group,
 * and a broadcast delivery to the honest member): nothing changes and nothing is delivered. The
 * same messages from a node that holds the secret do take effect, which shows the messages
 * themselves are valid. And a node holding the secret still cannot touch another node's slots or
 * speak for its processes (the replication core checks PID ownership).
 */
@Timeout(120)
class RogueNodeTest {

  private static final String SCOPE = "app:pg";
  private static final String GROUP = "workers";

  private final ClusterSecret secret = ClusterSecret.random();
  private final List<SeedMember> seeds =
      List.of(
          new SeedMember("n1", "127.0.0.1", FreePorts.next()),
          new SeedMember("n2", "127.0.0.1", FreePorts.next()));
  private final List<AutoCloseable> running = new ArrayList<>();
  private final List<Node> honest = new ArrayList<>();

  /** What the honest member on n1 receives. */
  private final BlockingQueue<Message> received = new ArrayBlockingQueue<>(10);

  @AfterEach
  void stopAll() throws Exception {
    for (AutoCloseable closeable : running) {
      closeable.close();
    }
  }

  @Test
  void aNodeWithoutTheSecretCannotJoinLeaveOrBroadcast() throws Exception {
    Pid member = startHonestWithMember();

    Set<PeerEvent> rogueSaw = ConcurrentHashMap.newKeySet();
    AtomixTransport rogue = startTransport("rogue", ClusterSecret.random(), rogueSaw);
    // Its HELLOs arrive (and are rejected) once SWIM lists the honest nodes on its side.
    for (Node node : honest) {
      await(() -> node.rejectedMessages() > 0, node.id() + " rejects the rogue's HELLOs");
    }
    long[] before = honest.stream().mapToLong(Node::rejectedMessages).toArray();
    for (Node node : honest) {
      forge(rogue, node.id(), member);
    }
    // One connection per peer, one batch at a time: two more rejections mean the batch with
    // the forged messages has arrived too.
    for (int i = 0; i < honest.size(); i++) {
      Node node = honest.get(i);
      long seen = before[i];
      await(() -> node.rejectedMessages() >= seen + 2, node.id() + " rejects the forgeries");
    }
    for (Node node : honest) {
      assertThat(members(node, GROUP)).as("view of " + node.id()).containsExactly(member);
      assertThat(node.cluster().rejectedMessages()).as("nothing reached replication").isZero();
    }
    assertThat(received.poll(200, TimeUnit.MILLISECONDS)).as("no forged delivery").isNull();
    assertThat(rogueSaw).as("the rogue trusts no honest node either").isEmpty();

    // Control: the same messages from a node that holds the secret change the view and deliver.
    Set<PeerEvent> insiderSaw = ConcurrentHashMap.newKeySet();
    AtomixTransport insider = startTransport("insider", secret, insiderSaw);
    await(
        () ->
            insiderSaw.containsAll(
                honest.stream().map(node -> new PeerEvent.Up(node.id())).toList()),
        "the insider sees both honest nodes up");
    Pid insiderPid = new Pid("insider", "app:processes", 1);
    await(
        () -> {
          forge(insider, honest.get(0).id(), member); // resent until n1 has it up on its side too
          return members(honest.get(0), GROUP).contains(insiderPid);
        },
        "the insider's join takes effect");
    Message forged = received.poll(20, TimeUnit.SECONDS);
    assertThat(forged).as("the insider's delivery arrives").isNotNull();
    assertThat(forged.payload()).isEqualTo("forged");
  }

  @Test
  void aNodeWithTheSecretCannotAddOrRemoveAnotherNodesSlotsNorSpeakForItsProcesses()
      throws Exception {
    Pid member = startHonestWithMember();
    Set<PeerEvent> insiderSaw = ConcurrentHashMap.newKeySet();
    AtomixTransport insider = startTransport("insider", secret, insiderSaw);
    await(() -> insiderSaw.size() == honest.size(), "the insider sees both honest nodes up");

    // n1's member, claimed by the insider: in a full sync, left in a delta, as a broadcast sender.
    for (Node node : honest) {
      send(insider, node.id(), Direction.LEAVE, member, member, member);
    }
    for (Node node : honest) {
      await(() -> node.cluster().rejectedMessages() >= 3, node.id() + " rejects all three");
      assertThat(members(node, GROUP)).as("view of " + node.id()).containsExactly(member);
    }
    assertThat(received.poll(200, TimeUnit.MILLISECONDS)).as("no forged delivery").isNull();
  }

  /** A full sync and a join, each naming the sender's own PID, and a delivery to {@code target}. */
  private static void forge(AtomixTransport sender, NodeId to, Pid target) {
    Pid own = new Pid(sender.self().name(), "app:processes", 1);
    send(sender, to, Direction.JOIN, own, own, target);
  }

  /**
   * A full sync holding {@code slot}, a delta that adds or removes it, and a delivery from {@code
   * deliverySender} to {@code target}, as protocol bytes.
   */
  private static void send(
      AtomixTransport sender,
      NodeId to,
      Direction direction,
      Pid slot,
      Pid deliverySender,
      Pid target) {
    long incarnation = sender.self().incarnation();
    List<WireMessage> messages =
        List.of(
            new WireMessage.ForScope(SCOPE, new Sync(incarnation, 0, Map.of(GROUP, List.of(slot)))),
            new WireMessage.ForScope(
                SCOPE,
                new Deltas(
                    incarnation, 1, List.of(new Change(direction, Map.of(GROUP, List.of(slot)))))),
            new WireMessage.Delivery(
                incarnation, 1, deliverySender, "task", "forged", List.of(target)));
    messages.forEach(message -> sender.send(to, ProtocolCodec.encode(message)));
  }

  /** Starts n1 and n2 and a member of the group on n1; returns it once both nodes see it. */
  private Pid startHonestWithMember() throws Exception {
    for (SeedMember seed : seeds) {
      honest.add(startHonest(seed));
    }
    Pid member = spawnMember(honest.get(0), GROUP, received);
    for (Node node : honest) {
      await(() -> members(node, GROUP).equals(List.of(member)), node.id() + " sees the member");
    }
    return member;
  }

  private Node startHonest(SeedMember self) throws Exception {
    Node node =
        Node.start(
            NodeConfig.builder(self.name())
                .incarnation(1)
                .bind(self.host(), self.port())
                .seeds(seeds)
                .scope(SCOPE, Map.of())
                .secret(secret)
                .plaintext()
                .build());
    running.add(node);
    return node;
  }

  private AtomixTransport startTransport(String name, ClusterSecret key, Set<PeerEvent> saw) {
    AtomixTransport transport =
        new AtomixTransport(
            AtomixTransportConfig.builder()
                .nodeName(name)
                .bind("127.0.0.1", FreePorts.next())
                .seeds(seeds)
                .incarnation(1)
                .swimProfile(SwimProfile.FAST)
                .secret(key)
                .plaintext()
                .build());
    transport.onPeerEvent(saw::add);
    running.add(0, transport); // closed before the honest nodes
    return transport.start();
  }
}
