package dev.procgroups.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procgroups.process.Pid;
import dev.procgroups.registry.ScopeConfig;
import dev.procgroups.store.StoreChange.Delta;
import dev.procgroups.store.StoreChange.Direction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MembershipStoreTest {

  private static final Pid A = pid("n1", 1);
  private static final Pid B = pid("n1", 2);
  private static final Pid R1 = pid("n2", 1);
  private static final Pid R2 = pid("n2", 2);

  private final MembershipStore store = new MembershipStore("n1", ScopeConfig.DEFAULTS);

  static Pid pid(String node, long id) {
    return new Pid(node, "app:processes", id);
  }

  private void join(Pid pid, String... groups) {
    try {
      assertThat(store.join(pid, List.of(groups), () -> true)).isTrue();
    } catch (StoreLimitException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void multiJoinKeepsJoinOrderAndLeaveRemovesTheMostRecentSlot() throws Exception {
    join(A, "g");
    join(B, "g");
    join(A, "g");
    assertThat(store.members("g")).containsExactly(A, B, A);
    assertThat(store.leave(A, List.of("g"))).containsExactly(Map.entry("g", 1));
    assertThat(store.members("g")).containsExactly(A, B);
    assertThat(store.leave(A, List.of("g", "g"))).containsExactly(Map.entry("g", 1));
    assertThat(store.localMembers("g")).containsExactly(B);
  }

  @Test
  void emptyGroupsDisappear() throws Exception {
    join(A, "g", "h");
    store.leave(A, List.of("g"));
    assertThat(store.groups()).containsExactly("h");
    assertThat(store.localGroups()).containsExactly("h");
    assertThat(store.members("g")).isEmpty();
    assertThat(store.leave(A, List.of("g"))).isEmpty();
  }

  @Test
  void aPublishedReadIsNotChangedByLaterWrites() throws Exception {
    for (int i = 0; i < 100; i++) {
      join(pid("n1", i), "g");
    }
    List<Pid> before = store.members("g");
    for (int i = 0; i < 100; i++) {
      store.leave(pid("n1", i), List.of("g"));
      join(pid("n1", 1000 + i), "g");
    }
    assertThat(before).hasSize(100).allMatch(p -> p.id() < 100);
    assertThat(store.members("g")).hasSize(100).allMatch(p -> p.id() >= 1000);
  }

  @Test
  void compactionKeepsOrderAndStackLeave() throws Exception {
    List<Pid> expected = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      join(pid("n1", i), "g");
      join(pid("n1", i), "g");
    }
    for (int i = 0; i < 50; i++) {
      store.leave(pid("n1", i), List.of("g"));
      if (i % 3 == 0) {
        store.leave(pid("n1", i), List.of("g"));
      } else {
        expected.add(pid("n1", i));
      }
    }
    assertThat(store.members("g")).containsExactlyElementsOf(expected);
    join(pid("n1", 1), "g");
    store.leave(pid("n1", 1), List.of("g"));
    store.leave(pid("n1", 1), List.of("g"));
    expected.remove(pid("n1", 1));
    assertThat(store.members("g")).containsExactlyElementsOf(expected);
  }

  @Test
  void processExitLeavesEveryGroupInOrderOfOldestSlot() throws Exception {
    join(A, "a", "b", "a");
    store.leave(A, List.of("a", "a"));
    join(A, "a");
    EventsSnapshot watch = store.events();
    store.removeProcess(A);
    assertThat(drain(watch.subscription()))
        .containsExactly(
            new GroupEvent(GroupEvent.Kind.LEFT, "b", List.of(A)),
            new GroupEvent(GroupEvent.Kind.LEFT, "a", List.of(A)));
    assertThat(store.groups()).isEmpty();
  }

  @Test
  void localChangesReachTheListenerAsDeltas() throws Exception {
    List<Delta> seen = new ArrayList<>();
    store.setChangeListener(seen::add);
    join(A, "a", "b", "a");
    store.leave(A, List.of("b", "zzz"));
    store.removeProcess(A);
    Pid a = A;
    assertThat(seen)
        .containsExactly(
            new Delta("n1", Direction.JOIN, ordered("a", List.of(a, a), "b", List.of(a))),
            new Delta("n1", Direction.LEAVE, ordered("b", List.of(a))),
            new Delta("n1", Direction.LEAVE, ordered("a", List.of(a, a))));
    assertThat(store.localSnapshot()).isEmpty();
  }

  @Test
  void aBatchOfPeerChangesEndsAndNotifiesAsAppliedOneByOne() throws Exception {
    Pid r1 = R1;
    Pid r2 = R2;
    List<StoreChange> changes =
        List.of(
            new Delta("n2", Direction.JOIN, ordered("g", List.of(r1, r2), "h", List.of(r2))),
            new Delta("n2", Direction.LEAVE, ordered("h", List.of(r2))),
            new StoreChange.Drop("n2"),
            new StoreChange.Sync("n2", ordered("h", List.of(r1), "g", List.of(r2, r1))),
            new Delta("n2", Direction.LEAVE, ordered("g", List.of(r1))),
            new Delta("n2", Direction.JOIN, ordered("h", List.of(r2))));
    MembershipStore oneByOne = new MembershipStore("n1", ScopeConfig.DEFAULTS);
    join(A, "g");
    assertThat(oneByOne.join(A, List.of("g"), () -> true)).isTrue();
    EventsSnapshot batchWatch = store.events();
    EventsSnapshot singleWatch = oneByOne.events();
    assertThat(store.apply(changes)).isTrue();
    changes.forEach(oneByOne::apply);
    for (String group : List.of("g", "h")) {
      assertThat(store.members(group)).isEqualTo(oneByOne.members(group));
      assertThat(store.remoteMembersByOrigin(group))
          .isEqualTo(oneByOne.remoteMembersByOrigin(group));
    }
    assertThat(store.groups()).isEqualTo(oneByOne.groups());
    assertThat(drain(batchWatch.subscription()))
        .isEqualTo(drain(singleWatch.subscription()))
        .isNotEmpty();
  }

  @Test
  void peerDeltasSyncsAndDropsEmitExactDifferences() throws Exception {
    join(A, "g");
    EventsSnapshot watch = store.events();
    Pid r1 = R1;
    Pid r2 = R2;
    store.apply(new Delta("n2", Direction.JOIN, ordered("g", List.of(r1, r1), "h", List.of(r2))));
    assertThat(store.members("g")).containsExactly(A, R1, R1);
    assertThat(store.localMembers("g")).containsExactly(A);
    assertThat(store.remoteMembersByOrigin("g")).containsExactly(Map.entry("n2", List.of(R1, R1)));
    store.apply(new Delta("n2", Direction.LEAVE, ordered("g", List.of(r1, r2))));
    store.apply(new StoreChange.Sync("n2", ordered("g", List.of(r2), "k", List.of(r1))));
    assertThat(store.members("g")).containsExactly(A, R2);
    assertThat(store.groups()).containsExactlyInAnyOrder("g", "k");
    store.apply(new StoreChange.Drop("n2"));
    assertThat(store.groups()).containsExactly("g");
    assertThat(drain(watch.subscription()))
        .containsExactly(
            joined("g", R1, R1),
            joined("h", R2),
            left("g", R1),
            left("g", R1),
            joined("g", R2),
            left("h", R2),
            joined("k", R1),
            left("g", R2),
            left("k", R1));
  }

  @Test
  void aSyncEqualToTheCurrentStateEmitsNothing() throws Exception {
    store.apply(new StoreChange.Sync("n2", ordered("g", List.of(R1))));
    Subscription sub = store.monitor("g").subscription();
    store.apply(new StoreChange.Sync("n2", ordered("g", List.of(R1))));
    assertThat(drain(sub)).isEmpty();
  }

  @Test
  void peerChangesWithTheLocalOriginAreRefused() {
    assertThatThrownBy(() -> store.apply(new StoreChange.Drop("n1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void limitsRefuseTheWholeBatch() throws Exception {
    MembershipStore limited =
        new MembershipStore("n1", new ScopeConfig(64, OptionalInt.of(2), OptionalInt.of(2)));
    limited.join(A, List.of("a", "b"), () -> true);
    assertThatThrownBy(() -> limited.join(A, List.of("a", "c"), () -> true))
        .isInstanceOf(StoreLimitException.class)
        .hasMessageContaining("max_groups");
    assertThatThrownBy(() -> limited.join(B, List.of("b", "a", "a"), () -> true))
        .isInstanceOf(StoreLimitException.class)
        .hasMessageContaining("max_members_per_group");
    assertThat(limited.members("a")).containsExactly(A);
    assertThat(limited.members("b")).containsExactly(A);
    limited.apply(new Delta("n2", Direction.JOIN, ordered("x", List.of(R1))));
    assertThat(limited.join(B, List.of("a"), () -> true)).isTrue();
  }

  @Test
  void aJoinOfAGoneProcessChangesNothing() throws Exception {
    assertThat(store.join(A, List.of("g"), () -> false)).isFalse();
    assertThat(store.groups()).isEmpty();
  }

  @Test
  void monitorSnapshotPlusEventsEqualsTheView() throws Exception {
    join(A, "g");
    MonitorSnapshot m = store.monitor("g");
    join(B, "g", "other");
    store.leave(A, List.of("g"));
    List<Pid> folded = new ArrayList<>(m.members());
    for (GroupEvent e : drain(m.subscription())) {
      assertThat(e.group()).isEqualTo("g");
      if (e.kind() == GroupEvent.Kind.JOINED) {
        folded.addAll(e.pids());
      } else {
        e.pids().forEach(folded::remove);
      }
    }
    assertThat(folded).containsExactlyElementsOf(store.members("g"));
  }

  @Test
  void closedSubscriptionsGetNoMoreEvents() throws Exception {
    Subscription sub = store.monitor("g").subscription();
    join(A, "g");
    assertThat(sub.close()).isTrue();
    join(B, "g");
    assertThat(drain(sub)).containsExactly(joined("g", A));
    assertThat(sub.close(true)).isTrue();
  }

  @Test
  void aStoppedStoreRefusesEverything() throws Exception {
    join(A, "g");
    store.apply(new StoreChange.Sync("n2", ordered("h", List.of(R1))));
    Subscription sub = store.events().subscription();
    store.stop();
    assertThat(store.groups()).isEmpty();
    assertThat(sub.channel().isClosed()).isTrue();
    assertThat(store.join(A, List.of("g"), () -> true)).isFalse();
    assertThat(store.leave(A, List.of("g"))).isEmpty();
    assertThat(store.monitor("g").subscription().channel().isClosed()).isTrue();
    assertThat(store.events().groups()).isEmpty();
    assertThat(store.groups()).isEmpty();
    assertThat(store.apply(new StoreChange.Drop("n2"))).isFalse();
  }

  @Test
  void readsDoNotWaitForAWriterThatHoldsTheLock() throws Exception {
    CountDownLatch writerInside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    store.setChangeListener(
        delta -> {
          writerInside.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    Thread writer = new Thread(() -> join(A, "g"));
    writer.start();
    try {
      assertThat(writerInside.await(10, TimeUnit.SECONDS)).isTrue();
      // The writer still holds the lock (its listener is blocked); its state is already published.
      CompletableFuture<List<Pid>> read = CompletableFuture.supplyAsync(() -> store.members("g"));
      assertThat(read.get(10, TimeUnit.SECONDS)).containsExactly(A);
      assertThat(store.groups()).containsExactly("g");
    } finally {
      release.countDown();
      writer.join(10_000);
    }
  }

  static List<GroupEvent> drain(Subscription sub) {
    List<GroupEvent> out = new ArrayList<>();
    for (var e = sub.channel().poll(); e.isPresent() && e.get().ok(); e = sub.channel().poll()) {
      out.add(e.get().value());
    }
    return out;
  }

  static GroupEvent joined(String group, Pid... pids) {
    return new GroupEvent(GroupEvent.Kind.JOINED, group, List.of(pids));
  }

  static GroupEvent left(String group, Pid... pids) {
    return new GroupEvent(GroupEvent.Kind.LEFT, group, List.of(pids));
  }

  static Map<String, List<Pid>> ordered(Object... pairs) {
    Map<String, List<Pid>> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<Pid> pids = (List<Pid>) pairs[i + 1];
      out.put((String) pairs[i], pids);
    }
    return out;
  }
}
