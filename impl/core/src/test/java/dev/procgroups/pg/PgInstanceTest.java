package dev.procgroups.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procgroups.process.Pid;
import dev.procgroups.registry.Registry;
import dev.procgroups.security.Rule;
import dev.procgroups.security.RulePolicy;
import dev.procgroups.store.EventsSnapshot;
import dev.procgroups.store.GroupEvent;
import dev.procgroups.store.MonitorSnapshot;
import dev.procgroups.testing.FakeProcess;
import dev.procgroups.testing.RecordingSink;
import dev.procgroups.testing.RecordingSink.Delivery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PgInstanceTest {

  private final Registry registry = new Registry();
  private final RecordingSink sink = new RecordingSink();
  private final FakeProcess p1 = FakeProcess.of("n1", 1);
  private final FakeProcess p2 = FakeProcess.of("n1", 2);
  private Pg pg;
  private PgInstance g1;
  private PgInstance g2;

  @BeforeEach
  void setUp() throws Exception {
    registry.registerScope("app:pg", Map.of("monitor_buffer", 4, "max_members_per_group", 3));
    registry.registerScope("app:other", Map.of());
    pg = new Pg("n1", registry, sink);
    g1 = pg.open(p1, "app:pg");
    g2 = pg.open(p2, "app:pg");
  }

  static void assertError(ThrowingCallable call, ErrorKind kind, String messagePart) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.kind()).isEqualTo(kind))
        .hasMessageContaining(messagePart);
  }

  @Test
  void openErrors() {
    assertError(() -> pg.open(p1, "app:missing"), ErrorKind.NOT_FOUND, "app:missing");
    assertError(() -> pg.stopScope("app:missing"), ErrorKind.NOT_FOUND, "app:missing");
    assertError(() -> pg.open(p1, null), ErrorKind.INVALID, "id");
    assertError(() -> pg.open(p1, ""), ErrorKind.INVALID, "id");
    assertError(() -> pg.open(p1, 42), ErrorKind.INVALID, "id");
    assertError(() -> pg.open(p1, "nocolon"), ErrorKind.INVALID, "id");
  }

  @Test
  void joinGetMembersLeaveWithMultiJoin() throws Exception {
    g1.join("workers");
    g2.join(List.of("workers", "all"));
    g1.join("workers");
    assertThat(g2.getMembers("workers")).containsExactly(p1.pid(), p2.pid(), p1.pid());
    assertThat(g2.getLocalMembers("workers")).containsExactly(p1.pid(), p2.pid(), p1.pid());
    assertThat(g1.whichGroups()).containsExactlyInAnyOrder("workers", "all");
    assertThat(g1.whichLocalGroups()).containsExactlyInAnyOrder("workers", "all");
    g1.leave("workers");
    assertThat(g1.getMembers("workers")).containsExactly(p1.pid(), p2.pid());
    g2.leave(List.of("all", "nothing"));
    assertError(
        () -> g2.leave(List.of("all", "nothing")), ErrorKind.INVALID, "group: not a member");
    assertError(() -> g2.leave("all"), ErrorKind.INVALID, "group: not a member of all");
    assertThat(g1.getMembers("unknown")).isEmpty();
    assertThat(g1.whichGroups()).containsExactly("workers");
  }

  @Test
  void scopesAreIndependent() throws Exception {
    PgInstance other = pg.open(p1, "app:other");
    g1.join("workers");
    assertThat(other.getMembers("workers")).isEmpty();
    assertThat(other.whichGroups()).isEmpty();
  }

  @Test
  void badArgumentsAreInvalidNamingTheArgumentAndChangeNothing() {
    String huge = "x".repeat(1 << 20);
    List<Object> withNumber = Arrays.asList("a", 5);
    List<Object> withNull = Arrays.asList("a", null);
    assertError(() -> g1.join(null), ErrorKind.INVALID, "group: missing");
    assertError(() -> g1.join(""), ErrorKind.INVALID, "group: must not be empty");
    assertError(() -> g1.join(7), ErrorKind.INVALID, "group: must be a string");
    assertError(() -> g1.join(List.of()), ErrorKind.INVALID, "group: empty batch");
    assertError(() -> g1.join(withNumber), ErrorKind.INVALID, "group[2]:");
    assertError(() -> g1.join(withNull), ErrorKind.INVALID, "group[2]:");
    assertError(() -> g1.join(List.of("a", "")), ErrorKind.INVALID, "group[2]:");
    assertError(() -> g1.join(List.of(List.of("a"))), ErrorKind.INVALID, "group[1]:");
    assertError(() -> g1.join(huge), ErrorKind.INVALID, "group: longer than 1024 bytes");
    assertError(() -> g1.join("é".repeat(513)), ErrorKind.INVALID, "group: longer than 1024 bytes");
    assertError(() -> g1.leave(withNumber), ErrorKind.INVALID, "group[2]:");
    assertError(
        () -> g1.getMembers(List.of("a")), ErrorKind.INVALID, "group: must be a single name");
    assertError(() -> g1.getLocalMembers(null), ErrorKind.INVALID, "group");
    assertError(() -> g1.monitor(3.5), ErrorKind.INVALID, "group");
    assertError(() -> g1.broadcast("a", null), ErrorKind.INVALID, "topic:");
    assertError(() -> g1.broadcastLocal("a", ""), ErrorKind.INVALID, "topic:");
    assertError(() -> g1.broadcast("a", "t", new Object()), ErrorKind.INVALID, "payload:");
    assertError(() -> g1.broadcast("a", "t", 1, new Object()), ErrorKind.INVALID, "payload[2]");
    assertThat(pg.store("app:pg").orElseThrow().groups()).isEmpty();
    assertThat(sink.deliveries()).isEmpty();
  }

  @Test
  void payloadsAreCopiedOrRefused() throws Exception {
    g2.join("g");
    List<Object> cyclic = new ArrayList<>();
    cyclic.add(cyclic);
    Object deep = "leaf";
    for (int i = 0; i < 40; i++) {
      deep = List.of(deep);
    }
    final Object tooDeep = deep;
    assertError(() -> g1.broadcast("g", "t", cyclic), ErrorKind.INVALID, "cyclic");
    assertError(() -> g1.broadcast("g", "t", tooDeep), ErrorKind.INVALID, "deeper than 32");
    assertError(() -> g1.broadcast("g", "t", Map.of(1, "x")), ErrorKind.INVALID, "not a string");
    List<Object> mutable = new ArrayList<>(List.of(1, 2.5f, "s", true));
    g1.broadcast("g", "t", mutable);
    mutable.clear();
    g1.broadcast("g", "t");
    g1.broadcast("g", "t", "a", Map.of("k", List.of(1L)));
    assertThat(sink.deliveries())
        .extracting(Delivery::payload)
        .containsExactly(
            List.of(1L, 2.5d, "s", true), null, List.of("a", Map.of("k", List.of(1L))));
  }

  @Test
  void broadcastReachesEverySlotWithTheCallerAsSender() throws Exception {
    List<Object> remoteCalls = new ArrayList<>();
    Pg clustered =
        new Pg(
            "n1",
            registry,
            dev.procgroups.security.SecurityPolicy.allowAll(),
            sink,
            (node, from, topic, payload, targets) ->
                remoteCalls.add(List.of(node, from, topic, targets)));
    PgInstance a = clustered.open(p1, "app:pg");
    PgInstance b = clustered.open(p2, "app:pg");
    b.join(List.of("g", "g"));
    a.join("g");
    Pid remote = new Pid("n2", "app:processes", 9);
    clustered
        .store("app:pg")
        .orElseThrow()
        .apply(
            new dev.procgroups.store.StoreChange.Delta(
                "n2",
                dev.procgroups.store.StoreChange.Direction.JOIN,
                Map.of("g", List.of(remote))));
    a.broadcast("g", "task", 42);
    a.broadcastLocal("g", "local");
    a.broadcast("empty", "task");
    assertThat(sink.deliveries())
        .containsExactly(
            new Delivery(p2.pid(), p1.pid(), "task", 42L),
            new Delivery(p2.pid(), p1.pid(), "task", 42L),
            new Delivery(p1.pid(), p1.pid(), "task", 42L),
            new Delivery(p2.pid(), p1.pid(), "local", null),
            new Delivery(p2.pid(), p1.pid(), "local", null),
            new Delivery(p1.pid(), p1.pid(), "local", null));
    assertThat(remoteCalls).containsExactly(List.of("n2", p1.pid(), "task", List.of(remote)));
  }

  @Test
  void monitorAndEventsSnapshotsAndEvents() throws Exception {
    g1.join("g");
    MonitorSnapshot m = g2.monitor("g");
    EventsSnapshot all = g2.events();
    assertThat(m.members()).containsExactly(p1.pid());
    assertThat(all.groups()).containsExactly(Map.entry("g", List.of(p1.pid())));
    g2.join(List.of("g", "h", "g"));
    GroupEvent first = next(m);
    assertThat(first.kind().wireName()).isEqualTo("member.joined");
    assertThat(first.system()).isEqualTo("pg");
    assertThat(first.path()).isEqualTo("g");
    assertThat(first.pids()).containsExactly(p2.pid(), p2.pid());
    assertThat(m.subscription().channel().poll()).isEmpty();
    assertThat(next(all.subscription()).group()).isEqualTo("g");
    assertThat(next(all.subscription()).group()).isEqualTo("h");
  }

  @Test
  void slowSubscribersDropAndCount() throws Exception {
    MonitorSnapshot m = g2.monitor("g");
    for (int i = 0; i < 3; i++) {
      g1.join("g");
      g1.leave("g");
    }
    assertThat(m.subscription().dropped()).isEqualTo(2);
  }

  @Test
  void limitsAreRateLimitedAndAllOrNothing() throws Exception {
    g1.join(List.of("g", "g"));
    assertError(
        () -> g2.join(List.of("h", "g", "g")), ErrorKind.RATE_LIMITED, "max_members_per_group");
    assertThat(g1.whichGroups()).containsExactly("g");
    assertThat(new PgException(ErrorKind.RATE_LIMITED, "x").retryable()).isTrue();
  }

  @Test
  void deniedCallsChangeNothingAndValidationComesFirst() throws Exception {
    Pg guarded =
        new Pg(
            "n1",
            registry,
            new RulePolicy(
                List.of(
                    Rule.allow("*", "*"),
                    Rule.deny("pg.join", "secret"),
                    Rule.deny("pg.events", "app:pg"),
                    Rule.deny("pg.open", "app:other")),
                Rule.Effect.DENY),
            sink,
            RemoteBroadcast.NONE);
    PgInstance g = guarded.open(p1, "app:pg");
    assertError(() -> g.join(List.of("ok", "secret")), ErrorKind.PERMISSION_DENIED, "pg.join");
    assertError(() -> g.join(List.of("secret", 5)), ErrorKind.INVALID, "group[2]:");
    assertError(g::events, ErrorKind.PERMISSION_DENIED, "pg.events");
    assertError(() -> guarded.open(p1, "app:other"), ErrorKind.PERMISSION_DENIED, "pg.open");
    assertThat(g.whichGroups()).isEmpty();
  }

  @Test
  void releasedInstancesRefuseEveryCallButKeepSlots() throws Exception {
    g1.join("g");
    MonitorSnapshot m = g1.monitor("g");
    assertThat(g1.release()).isTrue();
    assertThat(g1.release()).isTrue();
    List<ThrowingCallable> calls =
        List.of(
            () -> g1.join("g"),
            () -> g1.leave("g"),
            () -> g1.getMembers("g"),
            () -> g1.getLocalMembers("g"),
            g1::whichGroups,
            g1::whichLocalGroups,
            () -> g1.broadcast("g", "t"),
            () -> g1.broadcastLocal("g", "t"),
            () -> g1.monitor("g"),
            g1::events,
            () -> g1.join(null));
    for (ThrowingCallable call : calls) {
      assertError(call, ErrorKind.INVALID, "instance released");
    }
    assertThat(g2.getMembers("g")).containsExactly(p1.pid());
    g2.join("g");
    assertThat(m.subscription().channel().poll()).isPresent();
  }

  @Test
  void processExitReleasesLeavesEverywhereAndClosesSubscriptions() throws Exception {
    PgInstance other = pg.open(p1, "app:other");
    g1.join(List.of("a", "b", "a"));
    other.join("x");
    MonitorSnapshot m = g1.monitor("zzz");
    MonitorSnapshot watch = g2.monitor("a");
    p1.exit();
    assertThat(g1.isReleased()).isTrue();
    assertThat(other.isReleased()).isTrue();
    assertThat(m.subscription().channel().isClosed()).isTrue();
    assertThat(g2.whichGroups()).isEmpty();
    assertThat(pg.store("app:other").orElseThrow().groups()).isEmpty();
    assertThat(next(watch).pids()).containsExactly(p1.pid(), p1.pid());
    assertError(() -> pg.open(p1, "app:pg"), ErrorKind.INVALID, "exited");
  }

  private static GroupEvent next(MonitorSnapshot m) {
    return next(m.subscription());
  }

  private static GroupEvent next(dev.procgroups.store.Subscription sub) {
    var received = sub.channel().poll().orElseThrow();
    assertThat(received.ok()).isTrue();
    return received.value();
  }

  @Test
  void aStoppedScopeIsUnavailableAfterTheOtherChecks() throws Exception {
    g1.join("g");
    MonitorSnapshot m = g2.monitor("g");
    g2.join("g");
    pg.stopScope("app:pg");
    assertThat(next(m).kind()).isEqualTo(GroupEvent.Kind.JOINED);
    assertThat(m.subscription().channel().poll().orElseThrow().ok()).isFalse();
    List<ThrowingCallable> calls =
        List.of(
            () -> g1.join("g"),
            () -> g1.leave("g"),
            () -> g1.getMembers("g"),
            () -> g1.getLocalMembers("g"),
            g1::whichGroups,
            g1::whichLocalGroups,
            () -> g1.broadcast("g", "t"),
            () -> g1.broadcastLocal("g", "t"),
            () -> g1.monitor("g"),
            g1::events,
            () -> pg.open(p1, "app:pg"));
    for (ThrowingCallable call : calls) {
      assertError(call, ErrorKind.UNAVAILABLE, "stopped");
    }
    assertError(() -> g1.join(List.of("a", "a", "a", "a")), ErrorKind.RATE_LIMITED, "max_members");
    assertError(() -> g1.join(""), ErrorKind.INVALID, "group:");
    assertThat(pg.store("app:pg").orElseThrow().groups()).isEmpty();
  }

  @Test
  void errorKindsCarryLuaNames() {
    assertThat(ErrorKind.INVALID.luaName()).isEqualTo("Invalid");
    assertThat(ErrorKind.NOT_FOUND.luaName()).isEqualTo("NotFound");
    assertThat(ErrorKind.PERMISSION_DENIED.luaName()).isEqualTo("PermissionDenied");
    assertThat(ErrorKind.UNAVAILABLE.luaName()).isEqualTo("Unavailable");
    assertThat(ErrorKind.INTERNAL.luaName()).isEqualTo("Internal");
    assertThat(ErrorKind.RATE_LIMITED.luaName()).isEqualTo("RateLimited");
    assertThat(new PgException(ErrorKind.INVALID, "m").toString()).isEqualTo("Invalid: m");
  }
}
