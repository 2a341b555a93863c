package dev.procgroups.model.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CodecProperties {

  @Property(tries = 500)
  void ednRoundTripsEveryValue(@ForAll("anyValue") Object value) {
    assertThat(EdnReader.readOne(EdnWriter.write(value))).isEqualTo(value);
  }

  @Property(tries = 500)
  void jsonRoundTripsEveryFiniteValue(@ForAll("jsonValue") Object value) {
    assertThat(JsonReader.read(JsonWriter.write(value))).isEqualTo(value);
  }

  @Property(tries = 100)
  void historiesRoundTripInEveryLayout(
      @ForAll("ednOps") List<Operation> ops, @ForAll("jsonOps") List<Operation> jsonOps) {
    History history = new History(ops);
    assertThat(HistoryEdn.read(HistoryEdn.writeLines(history))).isEqualTo(history);
    assertThat(HistoryEdn.read(HistoryEdn.writeVector(history))).isEqualTo(history);
    History jsonHistory = new History(jsonOps);
    assertThat(HistoryJson.read(HistoryJson.write(jsonHistory))).isEqualTo(jsonHistory);
  }

  @Property(tries = 200)
  void ednOutputIsOneLinePerValue(@ForAll("anyValue") Object value) {
    assertThat(EdnWriter.write(value)).doesNotContain("\n", "\r");
  }

  @Provide
  Arbitrary<Object> anyValue() {
    return ValueArbitraries.values(false);
  }

  @Provide
  Arbitrary<Object> jsonValue() {
    return ValueArbitraries.values(true);
  }

  @Provide
  Arbitrary<List<Operation>> ednOps() {
    return ValueArbitraries.operations(false).list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<Operation>> jsonOps() {
    return ValueArbitraries.operations(true).list().ofMaxSize(8);
  }
}
