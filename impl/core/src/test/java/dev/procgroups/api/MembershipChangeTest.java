package dev.procgroups.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procgroups.node.LocalCluster;
import dev.procgroups.security.SecurityPolicy;
import dev.procgroups.transport.atomix.AtomixTransport;
import dev.procgroups.transport.atomix.AtomixTransportConfig;
import dev.procgroups.transport.atomix.FreePorts;
import dev.procgroups.transport.atomix.SeedMember;
import dev.procgroups.transport.atomix.SwimProfile;
import dev.procgroups.transport.auth.ClusterSecret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Waiting until a join or leave is visible on the other live nodes, on real nodes. */
@Timeout(180)
class MembershipChangeTest {

  private static final String SCOPE = "app:pg";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void onceVisibleOnAllNodesEveryOtherNodeListsTheChangeWithoutWaiting() throws Exception {
    try (LocalCluster cluster =
            new LocalCluster(3, Map.of(SCOPE, Map.of()), SecurityPolicy.allowAll());
        ProcessGroups n1 = ProcessGroups.open(cluster.node(1), SCOPE);
        ProcessGroups n2 = ProcessGroups.open(cluster.node(2), SCOPE);
        ProcessGroups n3 = ProcessGroups.open(cluster.node(3), SCOPE);
        Member member = n1.register(delivery -> {})) {
      assertThat(cluster.node(1).cluster().awaitPeers(2, WAIT)).as("both peers up").isTrue();
      for (int round = 0; round < 50; round++) {
        GroupName group = GroupName.of("g" + round);
        assertThat(member.join(group).visibleOnAllNodes(WAIT)).isTrue();
        assertThat(n2.members(group)).as("n2 after join %d", round).contains(member.pid());
        assertThat(n3.members(group)).as("n3 after join %d", round).contains(member.pid());
        assertThat(member.leave(group).visibleOnAllNodes(WAIT)).isTrue();
        assertThat(n2.members(group)).as("n2 after leave %d", round).isEmpty();
        assertThat(n3.members(group)).as("n3 after leave %d", round).isEmpty();
      }
    }
  }

  @Test
  void aLivePeerThatNeverAppliesTheChangeKeepsTheWaitOpenAndAClosedOneDoesNot() throws Exception {
    ClusterSecret secret = ClusterSecret.random();
    try (LocalCluster cluster =
            new LocalCluster(
                2, Map.of(SCOPE, Map.of()), SecurityPolicy.allowAll(), c -> c.secret(secret));
        ProcessGroups n1 = ProcessGroups.open(cluster.node(1), SCOPE);
        Member member = n1.register(delivery -> {})) {
      awaitPeers(cluster, 1);
      // A peer with the secret that is up (it heartbeats) but replicates nothing: no answer.
      AtomixTransport mute =
          AtomixTransport.start(
              AtomixTransportConfig.builder()
                  .nodeName("mute")
                  .incarnation(1)
                  .bind("127.0.0.1", FreePorts.next())
                  .seeds(List.of(new SeedMember("n1", "127.0.0.1", cluster.node(1).port())))
                  .secret(secret)
                  .plaintext()
                  .swimProfile(SwimProfile.FAST) // the nodes' failure detector
                  .build());
      try {
        awaitPeers(cluster, 2);
        assertThat(member.join(GroupName.of("g")).visibleOnAllNodes(Duration.ofSeconds(2)))
            .as("visible while a live peer never answered")
            .isFalse();
      } finally {
        mute.close();
      }
      awaitPeers(cluster, 1);
      assertThat(member.join(GroupName.of("g")).visibleOnAllNodes(WAIT)).isTrue();
    }
  }

  @Test
  void aPeerCountWaitEndsOnceThatManyPeersAreUpAndNotBefore() throws Exception {
    try (LocalCluster cluster =
        new LocalCluster(3, Map.of(SCOPE, Map.of()), SecurityPolicy.allowAll())) {
      // Asked right after start, before the nodes have heard each other.
      var twoUp = cluster.node(1).cluster().whenPeersUp(2);
      assertThat(twoUp.get(WAIT.toSeconds(), TimeUnit.SECONDS)).containsOnlyKeys("n2", "n3");
      assertThat(cluster.node(1).cluster().awaitPeers(3, Duration.ofMillis(300)))
          .as("a third peer that does not exist")
          .isFalse();
      assertThatThrownBy(() -> cluster.node(1).cluster().whenPeersUp(-1))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** Waits until node 1's replication layer counts exactly {@code peers} peers up. */
  private static void awaitPeers(LocalCluster cluster, int peers) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (cluster.node(1).cluster().peers().size() != peers) {
      assertThat(System.nanoTime()).as("%d peers up in time", peers).isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
