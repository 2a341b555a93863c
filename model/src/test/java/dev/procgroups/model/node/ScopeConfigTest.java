package dev.procgroups.model.node;

import static dev.procgroups.model.node.Fixtures.A;
import static dev.procgroups.model.node.Fixtures.B;
import static dev.procgroups.model.node.Fixtures.R1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.model.ErrorKind;
import dev.procgroups.model.Result;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** DECISIONS.md "Scope config (pg.scope entries)". */
class ScopeConfigTest {

  private final NodeDriver node = new NodeDriver(NodeState.initial("n1"));

  private Result register(Map<String, Object> config) {
    return node.call(new NodeCall.RegisterScope("app:pg", config));
  }

  @Test
  void defaultsAreABufferOf64AndNoLimits() {
    register(null);
    assertThat(node.state().scope("app:pg").config()).isEqualTo(ScopeConfig.DEFAULT);
    assertThat(ScopeConfig.DEFAULT.monitorBuffer()).isEqualTo(64);
    assertThat(ScopeConfig.DEFAULT.maxGroups()).isEmpty();
    assertThat(ScopeConfig.DEFAULT.maxMembersPerGroup()).isEmpty();
  }

  @Test
  void theThreeKeysAreRead() {
    assertThat(
            register(Map.of("monitor_buffer", 5, "max_groups", 6L, "max_members_per_group", 7))
                .isOk())
        .isTrue();
    assertThat(node.state().scope("app:pg").config())
        .isEqualTo(new ScopeConfig(5, OptionalInt.of(6), OptionalInt.of(7)));
  }

  @Test
  void anyOtherKeyRejectsTheEntryNamingTheKey() {
    Result result = register(Map.of("monitor_buffer", 5, "max_group", 3));
    assertThat(result.errorKind()).isEqualTo(ErrorKind.INVALID);
    assertThat(result.error().argument()).isEqualTo("max_group");
    assertThat(node.state().scope("app:pg")).isNull();
  }

  @Test
  void valuesAreIntegersOfAtLeastOne() {
    for (Object bad : new Object[] {0, -1, 1.5, "10", true, 1L << 40}) {
      Result result = register(Map.of("max_groups", bad));
      assertThat(result.errorKind()).as(String.valueOf(bad)).isEqualTo(ErrorKind.INVALID);
      assertThat(result.error().argument()).isEqualTo("max_groups");
    }
  }

  @Test
  void anEntryIsRegisteredOnce() {
    register(null);
    assertThat(register(null).errorKind()).isEqualTo(ErrorKind.INVALID);
  }

  @Test
  void maxGroupsBoundsGroupsWithALocalMemberOnly() {
    register(Map.of("max_groups", 2));
    long a = node.spawnAndOpen(A, "app:pg");
    long b = node.spawnAndOpen(B, "app:pg");
    node.ok(new NodeCall.RemoteSync("app:pg", "n2", Map.of("r1", List.of(R1), "r2", List.of(R1))));
    node.ok(new NodeCall.Join(a, "x"));
    node.ok(new NodeCall.Join(b, List.of("x", "y", "y")));
    assertThat(node.call(new NodeCall.Join(a, "z")).errorKind()).isEqualTo(ErrorKind.RATE_LIMITED);
    assertThat(node.call(new NodeCall.Join(a, "r1")).errorKind()).isEqualTo(ErrorKind.RATE_LIMITED);
    node.ok(new NodeCall.Leave(a, "x"));
    node.ok(new NodeCall.Leave(b, "x"));
    assertThat(node.call(new NodeCall.Join(a, "z")).isOk()).isTrue();
  }

  @Test
  void maxMembersPerGroupBoundsLocalSlotsOfOneGroupAndABatchIsAllOrNothing() {
    register(Map.of("max_members_per_group", 2));
    long a = node.spawnAndOpen(A, "app:pg");
    long b = node.spawnAndOpen(B, "app:pg");
    node.ok(new NodeCall.RemoteSync("app:pg", "n2", Map.of("g", List.of(R1, R1, R1))));
    node.ok(new NodeCall.Join(a, "g"));
    NodeState before = node.state();
    assertThat(node.call(new NodeCall.Join(b, List.of("h", "g", "g"))).errorKind())
        .isEqualTo(ErrorKind.RATE_LIMITED);
    assertThat(node.state()).isEqualTo(before);
    assertThat(node.call(new NodeCall.Join(b, List.of("h", "g"))).isOk()).isTrue();
  }
}
