package dev.procgroups.model.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonCodecTest {

  @Test
  void writesKeywordsAndMarkedStringsSoTheyComeBackApart() {
    Object value =
        Values.canonical(Arrays.asList(Keyword.of("join"), ":join", "\\x", "plain", 1L, 1.0, null));
    String json = JsonWriter.write(value);
    assertThat(json).isEqualTo("[\":join\",\"\\\\:join\",\"\\\\\\\\x\",\"plain\",1,1.0,null]");
    assertThat(JsonReader.read(json)).isEqualTo(value);
  }

  @Test
  void historyIsAnArrayWithOneOperationPerLine() {
    History history = new HistoryBuilderFixture().twoCalls();
    String json = HistoryJson.write(history);
    assertThat(json.lines()).hasSize(history.size() + 2);
    assertThat(json)
        .contains("{\"index\":0,\"time\":10,\"type\":\":invoke\",\"process\":0,\"f\":\":join\"");
    assertThat(HistoryJson.read(json)).isEqualTo(history);
  }

  @Test
  void refusesNonFiniteDoubles() {
    assertThatThrownBy(() -> JsonWriter.write(List.of(Double.NaN)))
        .hasMessageContaining("JSON cannot represent NaN");
  }

  static Stream<Arguments> rejectsMalformedInputWithAPositionCases() {
    return Stream.of(
        Arguments.of("[1,]", "expected a value", 1, 4),
        Arguments.of("{\"a\":1,\"a\":2}", "duplicate key", 1, 8),
        Arguments.of("{\"a b\":1}", "is not a keyword name", 1, 2),
        Arguments.of("[01]", "expected ']' but found '1'", 1, 3),
        Arguments.of("[1.]", "expected a digit", 1, 4),
        Arguments.of("99999999999999999999", "does not fit in 64 bits", 1, 1),
        Arguments.of("[tru]", "unknown literal", 1, 2),
        Arguments.of("[\"\\:x\"]", "unknown escape", 1, 3),
        Arguments.of("[\"\\\\a\"]", "a leading '\\' is only used", 1, 2),
        Arguments.of("[\":1\"]", "invalid keyword name", 1, 2),
        Arguments.of("[1] x", "expected end of input", 1, 5),
        Arguments.of("// c\n1", "expected a value", 1, 1),
        Arguments.of("{\n\"a\":\n}", "expected a value", 3, 1));
  }

  @ParameterizedTest
  @MethodSource("rejectsMalformedInputWithAPositionCases")
  void rejectsMalformedInputWithAPosition(String text, String message, int line, int column) {
    FormatAssertions.assertRejected(() -> JsonReader.read(text), message, line, column);
  }
}
