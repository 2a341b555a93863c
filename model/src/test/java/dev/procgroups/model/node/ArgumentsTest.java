package dev.procgroups.model.node;

import static dev.procgroups.model.node.Fixtures.A;
import static dev.procgroups.model.node.Fixtures.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.model.ErrorKind;
import dev.procgroups.model.Result;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SEMANTICS.md "Results and errors" (wrongly typed arguments are INVALID, never a crash, never a
 * change) and DECISIONS.md "Arguments".
 */
class ArgumentsTest {

  private final NodeDriver node = Fixtures.node();
  private final long g = node.spawnAndOpen(A, SCOPE);

  private ErrorKind join(Object groups) {
    return node.call(new NodeCall.Join(g, groups)).errorKind();
  }

  private ErrorKind broadcastPayload(Object... values) {
    return node.call(new NodeCall.Broadcast(g, "a", "t", Arrays.asList(values))).errorKind();
  }

  private static Object nested(int depth) {
    Object value = "leaf";
    for (int i = 0; i < depth; i++) {
      value = List.of(value);
    }
    return value;
  }

  @Test
  void aNameIsANonEmptyStringOfAtMost1024Utf8Bytes() {
    assertThat(join("x".repeat(1024))).isNull();
    assertThat(join("x".repeat(1025))).isEqualTo(ErrorKind.INVALID);
    assertThat(join("é".repeat(512))).isNull(); // 2 bytes each: 1024
    assertThat(join("é".repeat(512) + "x")).isEqualTo(ErrorKind.INVALID);
    assertThat(join("")).isEqualTo(ErrorKind.INVALID);
    assertThat(node.call(new NodeCall.Broadcast(g, "a", "t".repeat(1025), List.of())).errorKind())
        .isEqualTo(ErrorKind.INVALID);
  }

  @Test
  void wronglyTypedGroupsAreInvalid() {
    for (Object bad : new Object[] {null, 42, 4.2, true, Map.of("a", "b"), new Object()}) {
      assertThat(join(bad)).as(String.valueOf(bad)).isEqualTo(ErrorKind.INVALID);
      assertThat(node.call(new NodeCall.GetMembers(g, bad)).errorKind())
          .isEqualTo(ErrorKind.INVALID);
      assertThat(node.call(new NodeCall.Monitor(g, bad)).errorKind()).isEqualTo(ErrorKind.INVALID);
    }
  }

  @Test
  void aBatchIsANonEmptyListOfValidNames() {
    assertThat(join(List.of())).isEqualTo(ErrorKind.INVALID);
    assertThat(join(Arrays.asList("a", null))).isEqualTo(ErrorKind.INVALID);
    assertThat(join(List.of("a", 1))).isEqualTo(ErrorKind.INVALID);
    assertThat(join(List.of("a", ""))).isEqualTo(ErrorKind.INVALID);
    assertThat(join(List.of("a", List.of("b")))).isEqualTo(ErrorKind.INVALID);
    assertThat(node.state().localView(SCOPE)).isEmpty();
    assertThat(join(List.of("a", "b"))).isNull();
  }

  @Test
  void singleNameMethodsRejectAList() {
    List<String> batch = List.of("a");
    assertThat(node.call(new NodeCall.GetMembers(g, batch)).errorKind())
        .isEqualTo(ErrorKind.INVALID);
    assertThat(node.call(new NodeCall.GetLocalMembers(g, batch)).errorKind())
        .isEqualTo(ErrorKind.INVALID);
    assertThat(node.call(new NodeCall.Monitor(g, batch)).errorKind()).isEqualTo(ErrorKind.INVALID);
    assertThat(node.call(new NodeCall.Broadcast(g, batch, "t", List.of())).errorKind())
        .isEqualTo(ErrorKind.INVALID);
    assertThat(node.call(new NodeCall.BroadcastLocal(g, batch, "t", List.of())).errorKind())
        .isEqualTo(ErrorKind.INVALID);
  }

  @Test
  void copyablePayloadsAreAccepted() {
    Map<String, Object> table = new HashMap<>();
    table.put("id", 42L);
    table.put("ratio", 0.5);
    table.put("tags", List.of("x", "y"));
    table.put("ok", true);
    assertThat(broadcastPayload()).isNull();
    assertThat(broadcastPayload((Object) null)).isNull();
    assertThat(broadcastPayload(1, 2L, 3.0, "s", false, table, Arrays.asList(1, null))).isNull();
    assertThat(broadcastPayload(nested(32))).isNull();
  }

  @Test
  void nonCopyablePayloadsAreInvalid() {
    List<Object> cycle = new ArrayList<>();
    cycle.add(cycle);
    assertThat(broadcastPayload(new Object())).isEqualTo(ErrorKind.INVALID);
    assertThat(broadcastPayload((Runnable) () -> {})).isEqualTo(ErrorKind.INVALID);
    assertThat(broadcastPayload(List.of(new StringBuilder()))).isEqualTo(ErrorKind.INVALID);
    assertThat(broadcastPayload(Map.of(1L, "integer key"))).isEqualTo(ErrorKind.INVALID);
    assertThat(broadcastPayload(cycle)).isEqualTo(ErrorKind.INVALID);
    assertThat(broadcastPayload(nested(33))).isEqualTo(ErrorKind.INVALID);
    assertThat(broadcastPayload(new java.math.BigInteger("1"))).isEqualTo(ErrorKind.INVALID);
  }

  @Test
  void theSameValueTwiceIsNotACycle() {
    List<String> shared = List.of("x");
    assertThat(broadcastPayload(List.of(shared, shared), shared)).isNull();
  }

  @Test
  void badInputNeverChangesState() {
    node.ok(new NodeCall.Join(g, "a"));
    NodeState before = node.state();
    for (Object bad : new Object[] {null, "", 7, List.of(), List.of("b", "")}) {
      Step join = node.apply(new NodeCall.Join(g, bad));
      Step leave = node.apply(new NodeCall.Leave(g, bad));
      assertThat(join.state()).isEqualTo(before);
      assertThat(leave.state()).isEqualTo(before);
      assertThat(join.events()).isEmpty();
      assertThat(leave.events()).isEmpty();
    }
    Result open = node.call(new NodeCall.Open(A, 42));
    assertThat(open.errorKind()).isEqualTo(ErrorKind.INVALID);
    assertThat(node.state()).isEqualTo(before);
  }

  @Test
  void scopeIdsAreNamespaceColonName() {
    assertThat(node.call(new NodeCall.Open(A, "nocolon")).errorKind()).isEqualTo(ErrorKind.INVALID);
    assertThat(node.call(new NodeCall.Open(A, "a:b:c")).errorKind()).isEqualTo(ErrorKind.INVALID);
    assertThat(node.call(new NodeCall.Open(A, ":b")).errorKind()).isEqualTo(ErrorKind.INVALID);
    assertThat(node.call(new NodeCall.Open(A, "a:")).errorKind()).isEqualTo(ErrorKind.INVALID);
    assertThat(node.call(new NodeCall.Open(A, "my.app:pg")).errorKind())
        .isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(node.call(new NodeCall.RegisterScope("my.app:pg", null)).isOk()).isTrue();
    assertThat(node.call(new NodeCall.Open(A, "my.app:pg")).isOk()).isTrue();
  }
}
