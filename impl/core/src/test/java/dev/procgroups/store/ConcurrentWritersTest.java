package dev.procgroups.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.process.Pid;
import dev.procgroups.process.Received;
import dev.procgroups.registry.ScopeConfig;
import dev.procgroups.store.StoreChange.Delta;
import dev.procgroups.store.StoreChange.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Many threads writing one store at once, as the cluster benchmark's joiners do, while a peer's
 * changes are applied: local writes are combined into shared commits (GroupCommit), which must keep
 * read-your-writes, per-join limits, and the same order for events and the change listener.
 */
class ConcurrentWritersTest {

  private static final int THREADS = 8;
  private static final int JOINS = 400;
  private static final int MAX_GROUPS = 1000;
  private static final int CONTENDERS = 16;
  private static final int ATTEMPTS = 3000;

  private final MembershipStore store =
      new MembershipStore(
          "n1",
          new ScopeConfig(Integer.MAX_VALUE, OptionalInt.of(MAX_GROUPS), OptionalInt.empty()));
  private final ConcurrentLinkedQueue<Delta> heard = new ConcurrentLinkedQueue<>();

  @Test
  void combinedJoinsKeepLimitsReadYourWritesAndOneOrder() throws Exception {
    store.setChangeListener(heard::add);
    Subscription events = store.events().subscription();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    AtomicBoolean joining = new AtomicBoolean(true);
    try {
      Future<Integer> peer = pool.submit(() -> applyPeerChanges(joining));
      List<Future<List<String>>> joiners = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        joiners.add(pool.submit(() -> joinOwnGroups(thread)));
      }
      List<String> joined = new ArrayList<>();
      for (Future<List<String>> joiner : joiners) {
        joined.addAll(joiner.get(60, TimeUnit.SECONDS));
      }
      joining.set(false);
      int peerRounds = peer.get(60, TimeUnit.SECONDS);

      assertThat(joined).as("joins admitted under max_groups").hasSize(MAX_GROUPS);
      assertThat(store.localGroups()).containsExactlyInAnyOrderElementsOf(joined);
      assertThat(heard).hasSize(MAX_GROUPS);
      List<String> localEvents = new ArrayList<>();
      int peerEvents = 0;
      for (Optional<Received<GroupEvent>> got = events.channel().poll();
          got.isPresent();
          got = events.channel().poll()) {
        GroupEvent event = got.get().value();
        if (event.pids().get(0).node().equals("n1")) {
          localEvents.add(event.group());
        } else {
          peerEvents++;
        }
      }
      assertThat(localEvents)
          .as("events in the listener's order")
          .containsExactlyElementsOf(
              heard.stream().map(d -> d.pidsByGroup().keySet().iterator().next()).toList());
      assertThat(peerEvents).isEqualTo(2 * peerRounds);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void joinsCombinedIntoOneCommitStillPassMaxGroupsOneAtATime() throws Exception {
    MembershipStore one =
        new MembershipStore("n1", new ScopeConfig(64, OptionalInt.of(1), OptionalInt.empty()));
    ExecutorService pool = Executors.newFixedThreadPool(CONTENDERS);
    try {
      List<Future<Integer>> contenders = new ArrayList<>();
      for (int t = 0; t < CONTENDERS; t++) {
        Pid pid = new Pid("n1", "app:processes", t + 1);
        String group = "own" + t;
        contenders.add(pool.submit(() -> holdTheOnlyGroupInTurn(one, pid, group)));
      }
      int admitted = 0;
      for (Future<Integer> contender : contenders) {
        admitted += contender.get(60, TimeUnit.SECONDS);
      }
      assertThat(admitted).isPositive();
      assertThat(one.localGroups()).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  /** Joins its own group and leaves again; a join let in must find itself the only local group. */
  private static int holdTheOnlyGroupInTurn(MembershipStore one, Pid pid, String group) {
    int admitted = 0;
    for (int i = 0; i < ATTEMPTS; i++) {
      try {
        if (one.join(pid, List.of(group), () -> true)) {
          assertThat(one.localGroups()).as("max_groups 1").containsExactly(group);
          admitted++;
          one.leave(pid, List.of(group));
        }
      } catch (StoreLimitException e) {
        Thread.yield();
      }
    }
    return admitted;
  }

  /**
   * Each thread tries 400 fresh groups; returns those it got, each checked right after its join.
   */
  private List<String> joinOwnGroups(int thread) throws InterruptedException {
    List<String> got = new ArrayList<>();
    for (int i = 0; i < JOINS; i++) {
      Pid pid = new Pid("n1", "app:processes", thread * JOINS + i + 1);
      String group = "g" + thread + "-" + i;
      try {
        assertThat(store.join(pid, List.of(group), () -> true)).isTrue();
        assertThat(store.members(group)).as("read-your-writes").containsExactly(pid);
        got.add(group);
      } catch (StoreLimitException e) {
        assertThat(store.members(group)).as("a refused join changes nothing").isEmpty();
      }
    }
    return got;
  }

  /** A peer's join and leave, again and again: writes that take the lock without combining. */
  private int applyPeerChanges(AtomicBoolean joining) {
    int rounds = 0;
    Pid remote = new Pid("n2", "app:processes", 1);
    while (joining.get()) {
      for (Direction direction : List.of(Direction.JOIN, Direction.LEAVE)) {
        StoreChange change = new Delta("n2", direction, Map.of("peer", List.of(remote)));
        assertThat(store.apply(change)).isTrue();
      }
      rounds++;
    }
    return rounds;
  }
}
