package dev.procgroups.model.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EdnCodecTest {

  @Test
  void writesOperationsTheWayJepsenDoes() {
    Operation op =
        new Operation(
            0,
            5,
            OpType.INVOKE,
            0,
            Keyword.of("join"),
            Values.map("pid", "{n1@app:processes|000001}", "group", "g"));
    assertThat(HistoryEdn.line(op))
        .isEqualTo(
            "{:index 0, :time 5, :type :invoke, :process 0, :f :join, :value {:pid \"{n1@app:processes|000001}\", :group \"g\"}}\n");
  }

  @Test
  void readsAJepsenHistoryWithNemesisErrorsCommentsAndLists() {
    String text =
        """
                {:type :invoke, :f :read, :value nil, :process 0, :time 7389542, :index 0}
                ; a comment line
                {:type :info, :f :start-partition, :value [:isolated {"n1" ["n2"]}], :process :nemesis, :time 8000000, :index 1}
                """;
    assertThatThrownBy(() -> HistoryEdn.read(text))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("map keys must be keywords")
        .hasMessageContaining("line 3, column 55");
    History history =
        HistoryEdn.read(
            """
                {:type :invoke, :f :read, :value nil, :process 0, :time 7389542, :index 0}
                ; a comment line
                {:type :info, :f :start, :value (:n1 :n2), :process :nemesis, :time 8000000, :index 1}
                {:type :info, :f :read, :value nil, :process 0, :time 9006131, :index 2, :error [:timeout "no reply"]}
                """);
    assertThat(history.get(1).process()).isEqualTo(Operation.NEMESIS);
    assertThat(history.get(1).value()).isEqualTo(List.of(Keyword.of("n1"), Keyword.of("n2")));
    assertThat(history.get(2).error()).isEqualTo(List.of(Keyword.of("timeout"), "no reply"));
    assertThat(history.calls()).hasSize(1);
  }

  @Test
  void vectorLayoutReadsLikeTheLineLayout() {
    History history =
        HistoryEdn.read(
            "[{:type :invoke :f :r :process 1 :time 1}\n {:type :ok :f :r :process 1 :time 2 :value 3}]");
    assertThat(history.operations()).extracting(Operation::index).containsExactly(0L, 1L);
    assertThat(history.get(1).value()).isEqualTo(3L);
    assertThat(HistoryEdn.writeVector(history)).startsWith("[{:index 0,").contains("\n {:index 1,");
  }

  @Test
  void writesSpecialDoublesAndEscapesInClojureSyntax() {
    assertThat(EdnWriter.write(List.of(Double.NaN, Double.NEGATIVE_INFINITY, 1.0, 1e300)))
        .isEqualTo("[##NaN ##-Inf 1.0 1.0E300]");
    assertThat(EdnWriter.write("a\"b\\c\nd\u0001\ud800"))
        .isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\\uD800\"");
  }

  static Stream<Arguments> rejectsWhatItDoesNotSupportWithAPositionCases() {
    return Stream.of(
        Arguments.of("#{1 2}", "sets are not supported", 1, 1),
        Arguments.of("[1 foo]", "symbols are not supported: 'foo'", 1, 4),
        Arguments.of("[1\n  \\a]", "characters are not supported", 2, 3),
        Arguments.of("#inst \"2020\"", "tagged literals", 1, 1),
        Arguments.of("12345678901234567890", "does not fit in 64 bits", 1, 1),
        Arguments.of("[1N]", "unsupported number '1N'", 1, 2),
        Arguments.of("[0x1F]", "unsupported number", 1, 2),
        Arguments.of("[007]", "unsupported number", 1, 2),
        Arguments.of("{:a 1 :a 2}", "duplicate map key :a", 1, 7),
        Arguments.of("{:a}", "map key :a has no value", 1, 2),
        Arguments.of("{1 2}", "map keys must be keywords", 1, 2),
        Arguments.of("[1 2", "unclosed '['", 1, 1),
        Arguments.of("]", "unmatched ']'", 1, 1),
        Arguments.of("\"abc", "unterminated string", 1, 1),
        Arguments.of("\"a\\qb\"", "unknown escape", 1, 3),
        Arguments.of("[:a/b/c]", "more than one '/'", 1, 2),
        Arguments.of("[:1a]", "invalid keyword", 1, 2),
        Arguments.of("1 2", "expected end of input", 1, 3),
        Arguments.of("##Nope", "unknown symbolic value", 1, 1));
  }

  @ParameterizedTest
  @MethodSource("rejectsWhatItDoesNotSupportWithAPositionCases")
  void rejectsWhatItDoesNotSupportWithAPosition(String text, String message, int line, int column) {
    FormatAssertions.assertRejected(() -> EdnReader.readOne(text), message, line, column);
  }

  @Test
  void skipsCommasCommentsAndDiscards() {
    assertThat(EdnReader.readAll("1, #_ [2 3] ; four\n :five"))
        .containsExactly(1L, Keyword.of("five"));
  }

  @Test
  void namesTheOperationThatHasTheWrongShape() {
    assertThatThrownBy(
            () ->
                HistoryEdn.read(
                    "{:type :invoke :f :r :process 0 :time 1}\n{:type :done :f :r :process 0 :time 2}"))
        .isInstanceOfSatisfying(
            FormatException.class,
            e -> {
              assertThat(e.getMessage()).contains("unknown operation type :done");
              assertThat(e.line()).isEqualTo(2);
            });
    assertThatThrownBy(() -> HistoryEdn.read("{:type :invoke :f :r :process -3 :time 1}"))
        .hasMessageContaining(":process must be a non-negative int or :nemesis");
    assertThatThrownBy(() -> HistoryEdn.read("{:type :invoke :f :r :process 0}"))
        .hasMessageContaining("operation needs :time of type Long, got nil");
  }
}
