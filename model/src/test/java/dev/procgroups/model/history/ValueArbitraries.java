package dev.procgroups.model.history;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators for {@link Values}, shared by the codec and history properties. */
final class ValueArbitraries {

  private static final String FIRST = "abcxyzABZ*+!-_?<>=.$%&";
  private static final String REST = FIRST + "0123456789";

  private ValueArbitraries() {}

  static Arbitrary<Keyword> keywords() {
    Arbitrary<String> part =
        Combinators.combine(
                Arbitraries.strings().withChars(FIRST).ofLength(1),
                Arbitraries.strings().withChars(REST).ofMaxLength(6))
            .as(String::concat);
    Arbitrary<String> name =
        Arbitraries.oneOf(part, Combinators.combine(part, part).as((a, b) -> a + "/" + b));
    return name.filter(n -> Keyword.problemWith(n) == null).map(Keyword::new);
  }

  static Arbitrary<String> strings() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(12),
        Arbitraries.strings().withChars(":\\\"\n ab").ofMaxLength(5),
        Arbitraries.of("{n1@app:processes|000001}", "", "nil", ":join", "\\:x"));
  }

  /** Values; {@code jsonSafe} leaves out NaN and the infinities, which JSON cannot carry. */
  static Arbitrary<Object> values(boolean jsonSafe) {
    return values(3, jsonSafe);
  }

  private static Arbitrary<Object> values(int depth, boolean jsonSafe) {
    Arbitrary<Double> specials =
        jsonSafe
            ? Arbitraries.of(-0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e-300)
            : Arbitraries.of(
                -0.0,
                Double.MIN_VALUE,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY);
    Arbitrary<Object> leaf =
        Arbitraries.<Object>oneOf(
                List.of(
                    strings(),
                    Arbitraries.longs(),
                    Arbitraries.doubles(),
                    specials,
                    Arbitraries.of(true, false),
                    keywords()))
            .injectNull(0.1);
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<Object> inner = Arbitraries.lazy(() -> values(depth - 1, jsonSafe));
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, leaf),
            net.jqwik.api.Tuple.of(1, inner.list().ofMaxSize(4).map(l -> (Object) l)),
            net.jqwik.api.Tuple.of(
                1, Arbitraries.maps(keywords(), inner).ofMaxSize(4).map(m -> (Object) m)))
        .map(Values::canonical);
  }

  static Arbitrary<Operation> operations(boolean jsonSafe) {
    Arbitrary<OpType> types = Arbitraries.of(OpType.class);
    Arbitrary<Integer> processes = Arbitraries.integers().between(Operation.NEMESIS, 50);
    Arbitrary<java.util.Map<Keyword, Object>> extras =
        Arbitraries.maps(
                keywords().filter(k -> !Operation.STANDARD_KEYS.contains(k)), values(1, jsonSafe))
            .ofMaxSize(2);
    return Combinators.combine(
            Arbitraries.longs().greaterOrEqual(0),
            Arbitraries.longs(),
            types,
            processes,
            keywords(),
            values(jsonSafe),
            extras)
        .as(Operation::new);
  }
}
