package dev.procgroups.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procgroups.node.LocalCluster;
import dev.procgroups.pg.ErrorKind;
import dev.procgroups.process.Pid;
import dev.procgroups.security.SecurityPolicy;
import dev.procgroups.store.GroupEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Java API against three real nodes (Atomix on 127.0.0.1) in this JVM. */
@Timeout(120)
class ProcessGroupsTest {

  private static final String SCOPE = "app:pg";
  private static final GroupName WORKERS = GroupName.of("workers");
  private static final Duration WAIT = Duration.ofSeconds(20);

  record Task(String id, long attempt) {}

  static final PayloadCodec<Task> TASK =
      PayloadCodec.of(
          t -> Payload.map(Map.of("id", Payload.of(t.id()), "attempt", Payload.of(t.attempt()))),
          p -> new Task(p.asMap().get("id").asString(), p.asMap().get("attempt").asLong()));

  private static LocalCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = new LocalCluster(3, Map.of(SCOPE, Map.of()), SecurityPolicy.allowAll());
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void aMemberJoinedFromJavaCodeGetsABroadcastFromAnotherNode() throws Exception {
    GroupName group = GroupName.of("broadcast-target");
    BlockingQueue<Delivery> inbox = new LinkedBlockingQueue<>();
    try (ProcessGroups n1 = ProcessGroups.open(cluster.node(1), SCOPE);
        ProcessGroups n2 = ProcessGroups.open(cluster.node(2), SCOPE);
        Member member = n1.register(inbox::add)) {
      member.join(group);
      eventually(() -> n2.members(group).equals(List.of(member.pid())));

      n2.broadcast(group, "task", new Task("t-1", 3), TASK);

      Delivery delivery = inbox.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(delivery).isNotNull();
      assertThat(delivery.topic()).isEqualTo("task");
      assertThat(delivery.payload(TASK)).isEqualTo(new Task("t-1", 3));
    }
  }

  @Test
  void closingAMemberIsItsExitEveryNodeSeesItLeave() throws Exception {
    GroupName a = GroupName.of("exit-a");
    GroupName b = GroupName.of("exit-b");
    try (ProcessGroups n1 = ProcessGroups.open(cluster.node(1), SCOPE);
        ProcessGroups n3 = ProcessGroups.open(cluster.node(3), SCOPE)) {
      Member member = n1.register(d -> {});
      member.join(List.of(a, b));
      assertThat(member.groups()).containsExactlyInAnyOrder("exit-a", "exit-b");
      eventually(() -> n3.members(b).contains(member.pid()));

      member.close();

      assertThat(member.exited()).isDone();
      assertThat(n1.localMembers(a)).isEmpty();
      eventually(() -> n3.members(a).isEmpty() && n3.members(b).isEmpty());
    }
  }

  @Test
  void aMonitorListenerGetsTheSnapshotThenEachChange() throws Exception {
    GroupName group = GroupName.of("monitored");
    BlockingQueue<GroupEvent> events = new LinkedBlockingQueue<>();
    try (ProcessGroups n1 = ProcessGroups.open(cluster.node(1), SCOPE);
        ProcessGroups n3 = ProcessGroups.open(cluster.node(3), SCOPE);
        Member first = n1.register(d -> {})) {
      first.join(group);
      eventually(() -> n3.members(group).contains(first.pid()));
      try (GroupMonitor monitor = n3.monitor(group, events::add)) {
        assertThat(monitor.members()).isEqualTo(Map.of("monitored", List.of(first.pid())));
        Pid second;
        try (Member other = n1.register(d -> {})) {
          second = other.pid();
          other.join(group);
          assertThat(next(events))
              .isEqualTo(new GroupEvent(GroupEvent.Kind.JOINED, "monitored", List.of(second)));
        }
        assertThat(next(events))
            .isEqualTo(new GroupEvent(GroupEvent.Kind.LEFT, "monitored", List.of(second)));
        assertThat(monitor.dropped()).isZero();
      }
    }
  }

  @Test
  void eventsCoverEveryGroupOfTheScope() throws Exception {
    BlockingQueue<GroupEvent> events = new LinkedBlockingQueue<>();
    try (ProcessGroups n2 = ProcessGroups.open(cluster.node(2), SCOPE);
        GroupMonitor all = n2.events(events::add);
        Member member = n2.register(d -> {})) {
      member.join(GroupName.of("events-x"));
      assertThat(next(events))
          .isEqualTo(new GroupEvent(GroupEvent.Kind.JOINED, "events-x", List.of(member.pid())));
    }
  }

  @Test
  void failuresAreUncheckedAndCarryTheErrorKind() {
    assertThatThrownBy(() -> ProcessGroups.open(cluster.node(1), "app:missing"))
        .isInstanceOfSatisfying(
            GroupsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    try (ProcessGroups n1 = ProcessGroups.open(cluster.node(1), SCOPE)) {
      Member member = n1.register(d -> {});
      member.close();
      assertThatThrownBy(() -> member.join(WORKERS))
          .isInstanceOfSatisfying(
              GroupsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID));
    }
  }

  @Test
  void onlyCopyableShapesCanBeBuiltAndReadingAnotherShapeSaysWhich() {
    Payload deep = Payload.of(1);
    for (int i = 0; i < 32; i++) {
      deep = Payload.list(deep);
    }
    Payload tooDeep = deep;
    assertThatThrownBy(() -> Payload.list(tooDeep)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Payload.of("x").asLong())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("String");
    assertThatThrownBy(() -> GroupName.of("")).isInstanceOf(IllegalArgumentException.class);
  }

  private static GroupEvent next(BlockingQueue<GroupEvent> events) throws InterruptedException {
    GroupEvent event = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(event).as("an event within %s", WAIT).isNotNull();
    return event;
  }

  private static void eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within %s", WAIT).isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
