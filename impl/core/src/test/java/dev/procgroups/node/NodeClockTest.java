package dev.procgroups.node;

import static dev.procgroups.node.NodeFixtures.await;
import static dev.procgroups.node.NodeFixtures.members;
import static dev.procgroups.node.NodeFixtures.spawnMember;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.process.Pid;
import dev.procgroups.transport.atomix.FreePorts;
import dev.procgroups.transport.atomix.SeedMember;
import dev.procgroups.transport.auth.ClusterSecret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real nodes, one of which has its wall clock stepped (the seam {@link NodeClock}; the Jepsen
 * clock nemesis does the same to a real process with libfaketime): a step of 300 s either way
 * changes no view, and a restart after the clock stepped back an hour rejoins at once.
 */
@Timeout(120)
class NodeClockTest {

  private static final ClusterSecret SECRET = ClusterSecret.random();
  private static final Duration STEP = Duration.ofSeconds(300);

  /** How long the stepped clock stays stepped: several silence limits of the fast profile. */
  private static final Duration STEPPED_FOR = Duration.ofSeconds(5);

  /** The system clocks, with the wall clock off by a settable amount. */
  static final class SteppedClock implements NodeClock {
    volatile long offsetMillis;

    @Override
    public long wallMillis() {
      return System.currentTimeMillis() + offsetMillis;
    }

    @Override
    public long monotonicMillis() {
      return NodeClock.SYSTEM.monotonicMillis();
    }
  }

  private final List<SeedMember> seeds = new ArrayList<>();
  private final List<Node> nodes = new ArrayList<>();

  @AfterEach
  void stopAll() {
    nodes.forEach(Node::close);
  }

  @Test
  void aWallClockStepOfThreeHundredSecondsEitherWayChangesNoView() throws Exception {
    SteppedClock clock = new SteppedClock();
    startThree(clock, null);
    List<Pid> all = membersOnEveryNode();

    Set<String> changes = new HashSet<>();
    for (long offset : new long[] {STEP.toMillis(), -STEP.toMillis()}) {
      clock.offsetMillis = offset;
      watch(all, STEPPED_FOR, changes);
      clock.offsetMillis = 0;
      watch(all, STEPPED_FOR, changes);
    }
    assertThat(changes).as("views that differed from all three members").isEmpty();
  }

  @Test
  void aRestartAfterTheClockSteppedBackAnHourRejoinsAtOnce(@TempDir Path data) throws Exception {
    SteppedClock clock = new SteppedClock();
    startThree(clock, data);
    membersOnEveryNode();
    long before = nodes.get(1).id().incarnation();
    nodes.get(1).close();
    await(() -> members(nodes.get(0), "g").size() == 2, "n2's member left with it");

    clock.offsetMillis = -Duration.ofHours(1).toMillis();
    nodes.set(1, start(2, clock, data));
    assertThat(nodes.get(1).id().incarnation()).isGreaterThan(before);
    Pid again = spawnMember(nodes.get(1), "g", new ArrayBlockingQueue<>(1));
    // FAST's silence limit is 1.3 s; 10 s is slack for a loaded machine, not a speed claim.
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!members(nodes.get(0), "g").contains(again)) {
      assertThat(System.nanoTime()).as("n1 sees the restarted n2's member").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private void startThree(NodeClock clock, Path data) throws Exception {
    for (int i = 1; i <= 3; i++) {
      seeds.add(new SeedMember("n" + i, "127.0.0.1", FreePorts.next()));
    }
    for (int i = 1; i <= 3; i++) {
      nodes.add(start(i, i == 2 ? clock : NodeClock.SYSTEM, i == 2 ? data : null));
    }
  }

  private Node start(int i, NodeClock clock, Path data) throws Exception {
    SeedMember self = seeds.get(i - 1);
    return Node.start(
        NodeConfig.builder(self.name())
            .bind(self.host(), self.port())
            .seeds(seeds)
            .scope("app:pg", Map.of())
            .secret(SECRET)
            .plaintext()
            .clock(clock)
            .dataDir(data)
            .build());
  }

  /** One member per node, in group "g"; returns them once every node sees all three. */
  private List<Pid> membersOnEveryNode() throws Exception {
    List<Pid> all = new ArrayList<>();
    for (Node node : nodes) {
      all.add(spawnMember(node, "g", new ArrayBlockingQueue<>(1)));
    }
    for (Node node : nodes) {
      await(
          () -> new HashSet<>(members(node, "g")).equals(new HashSet<>(all)),
          node.id() + " sees all three members");
    }
    return all;
  }

  /** Samples every node's view of "g" for {@code duration}; records each one that differs. */
  private void watch(List<Pid> all, Duration duration, Set<String> changes)
      throws InterruptedException {
    long end = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < end) {
      for (Node node : nodes) {
        List<Pid> seen = members(node, "g");
        if (!new HashSet<>(seen).equals(new HashSet<>(all))) {
          changes.add(node.id() + " saw " + seen);
        }
      }
      Thread.sleep(20);
    }
  }
}
