package dev.procgroups.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadsTest {

  @Test
  void packsZeroValuesAsNullOneAsItselfSeveralAsAList() {
    assertThat(Payloads.pack()).isNull();
    assertThat(Payloads.pack((Object[]) null)).isNull();
    assertThat(Payloads.pack("a")).isEqualTo("a");
    assertThat(Payloads.pack((Object) null)).isNull();
    assertThat(Payloads.pack("a", null, 3L)).isEqualTo(Arrays.asList("a", null, 3L));
    assertThat(Payloads.pack(List.of(1L, 2L))).isEqualTo(List.of(1L, 2L));
    assertThat(Payloads.packAll(List.of("x", "y")).payload()).isEqualTo(List.of("x", "y"));
  }

  @Test
  void normalizesNumbersToLongAndDouble() {
    assertThat(Payloads.copy(7)).isEqualTo(7L);
    assertThat(Payloads.copy((short) 7)).isEqualTo(7L);
    assertThat(Payloads.copy((byte) 7)).isEqualTo(7L);
    assertThat(Payloads.copy(1.5f)).isEqualTo(1.5d);
    assertThat(Payloads.copy(Double.NaN)).isEqualTo(Double.NaN);
    assertThat(Payloads.copy(true)).isEqualTo(true);
  }

  @Test
  void copyIsDeepAndDoesNotFollowLaterChangesOfTheOriginal() {
    List<Object> inner = new ArrayList<>(List.of("x"));
    Map<String, Object> original = new LinkedHashMap<>();
    original.put("list", inner);
    original.put("n", 1);
    original.put("nothing", null);

    @SuppressWarnings("unchecked")
    Map<String, Object> copy = (Map<String, Object>) Payloads.copy(original);
    inner.add("y");
    original.put("late", "z");

    assertThat(copy.keySet()).containsExactly("list", "n", "nothing");
    assertThat(copy.get("list")).isEqualTo(List.of("x"));
    assertThat(copy.get("n")).isEqualTo(1L);
    assertThat(copy.get("nothing")).isNull();
  }

  @Test
  void copiesAreUnmodifiableAndKeepMapOrder() {
    Map<String, Object> original = new LinkedHashMap<>();
    original.put("b", 1L);
    original.put("a", List.of(2L));
    @SuppressWarnings("unchecked")
    Map<String, Object> copy = (Map<String, Object>) Payloads.copy(original);
    assertThat(copy.keySet()).containsExactly("b", "a");
    assertThatThrownBy(() -> copy.put("c", 3L)).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) copy.get("a");
    assertThatThrownBy(() -> list.add(3L)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsValuesThatCannotBeCopiedNamingPayloadAndWhere() {
    assertInvalid(new Object(), "payload: a java.lang.Object cannot be copied");
    assertInvalid(new HashSet<>(List.of(1)), "java.util.HashSet cannot be copied");
    assertInvalid(new int[] {1}, "cannot be copied");
    assertInvalid('c', "java.lang.Character cannot be copied");
    assertInvalid(List.of(1L, Map.of("k", new Object())), "(at payload[2].k)");
    Map<Object, Object> numericKey = new HashMap<>();
    numericKey.put(5, "v");
    assertInvalid(numericKey, "map key 5 is not a string");
    assertThatThrownBy(() -> Payloads.pack("ok", new Object()))
        .isInstanceOf(InvalidPayloadException.class)
        .hasMessageContaining("(at payload[2])");
  }

  @Test
  void acceptsThirtyTwoLevelsAndRejectsThirtyThree() {
    assertThat(Payloads.isCopyable(nested(32))).isTrue();
    assertThat(Payloads.copy(nested(32))).isEqualTo(nested(32));
    assertInvalid(nested(33), "nested deeper than 32 levels");
  }

  @Test
  void rejectsCycles() {
    List<Object> cyclic = new ArrayList<>();
    cyclic.add(cyclic);
    assertInvalid(cyclic, "payload: cyclic");
    Map<String, Object> map = new HashMap<>();
    map.put("self", List.of(map));
    assertInvalid(map, "payload: cyclic");
  }

  @Test
  void exceptionIsAnIllegalArgumentExceptionNamingThePayloadArgument() {
    InvalidPayloadException e = new InvalidPayloadException("x");
    assertThat(e).isInstanceOf(IllegalArgumentException.class);
    assertThat(e.argument()).isEqualTo("payload");
  }

  private static void assertInvalid(Object value, String messagePart) {
    assertThat(Payloads.isCopyable(value)).isFalse();
    assertThatThrownBy(() -> Payloads.copy(value))
        .isInstanceOf(InvalidPayloadException.class)
        .hasMessageStartingWith("payload: ")
        .hasMessageContaining(messagePart);
  }

  private static Object nested(int depth) {
    Object value = "leaf";
    for (int i = 0; i < depth; i++) {
      value = List.of(value);
    }
    return value;
  }
}
