package dev.procgroups.model.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {

  private static final Keyword JOIN = HistoryBuilderFixture.JOIN;
  private static final Keyword LEAVE = Keyword.of("leave");

  @Test
  void pairsInvocationsWithTheirCompletions() {
    History history = new HistoryBuilderFixture().twoCalls();
    List<History.Call> calls = history.calls();
    assertThat(calls).hasSize(2);
    assertThat(calls.get(0).completion().index()).isEqualTo(2);
    assertThat(calls.get(1).outcome()).isEqualTo(OpType.INFO);
    assertThat(calls.get(1).completion().error()).isEqualTo(Keyword.of("timeout"));
  }

  @Test
  void anUnfinishedInvocationCountsAsInfo() {
    History history = History.of(new Operation(0, 1, OpType.INVOKE, 3, JOIN, null));
    assertThat(history.calls())
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.completion()).isNull();
              assertThat(call.outcome()).isEqualTo(OpType.INFO);
            });
  }

  @Test
  void rejectsBrokenAlternation() {
    assertThatThrownBy(
            () ->
                History.of(
                        new Operation(0, 1, OpType.INVOKE, 0, JOIN, null),
                        new Operation(1, 2, OpType.INVOKE, 0, JOIN, null))
                    .calls())
        .hasMessage("operation with index 1: process 0 invokes again while index 0 is still open");
    assertThatThrownBy(() -> History.of(new Operation(0, 1, OpType.OK, 0, JOIN, null)).calls())
        .hasMessageContaining("completion without an open invocation of process 0");
    assertThatThrownBy(
            () ->
                History.of(
                        new Operation(0, 1, OpType.INVOKE, 0, JOIN, null),
                        new Operation(1, 2, OpType.OK, 0, LEAVE, null))
                    .calls())
        .hasMessageContaining("completion :leave does not match invocation :join");
  }

  @Test
  void nemesisOperationsAreNotPaired() {
    History history =
        History.of(
            new Operation(0, 1, OpType.INFO, Operation.NEMESIS, Keyword.of("start"), null),
            new Operation(1, 2, OpType.INFO, Operation.NEMESIS, Keyword.of("start"), null));
    assertThat(history.calls()).isEmpty();
  }

  @Test
  void builderRefusesACompletionWithoutInvocation() {
    HistoryBuilder b = new HistoryBuilder();
    assertThatThrownBy(() -> b.ok(0, null, 1)).isInstanceOf(IllegalStateException.class);
    b.invoke(0, JOIN, null, 1);
    assertThatThrownBy(() -> b.invoke(0, JOIN, null, 2)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void valuesAreCheckedAndCopied() {
    assertThatThrownBy(() -> new Operation(0, 0, OpType.OK, 0, JOIN, new Object()))
        .hasMessageContaining("value has unsupported type java.lang.Object");
    assertThatThrownBy(() -> new Operation(0, 0, OpType.OK, 0, JOIN, java.util.Map.of("k", 1)))
        .hasMessageContaining("map key that is not a keyword");
    assertThat(new Operation(0, 0, OpType.OK, 0, JOIN, List.of(1, 2f)).value())
        .isEqualTo(List.of(1L, 2.0));
    assertThatThrownBy(
            () -> new Operation(0, 0, OpType.OK, 0, JOIN, null, java.util.Map.of(Operation.F, 1)))
        .hasMessageContaining("standard key :f");
    assertThatThrownBy(() -> Keyword.of("a b"))
        .hasMessageContaining("character ' ' at 1 is not allowed");
  }
}
