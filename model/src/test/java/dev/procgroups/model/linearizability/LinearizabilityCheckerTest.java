package dev.procgroups.model.linearizability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procgroups.model.history.History;
import dev.procgroups.model.history.HistoryEdn;
import dev.procgroups.model.history.HistoryJson;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class LinearizabilityCheckerTest {

  private static final MembershipSpecification SPEC = new MembershipSpecification();

  static List<Corpus.Case> corpus() {
    List<Corpus.Case> all = new java.util.ArrayList<>(Corpus.cases());
    all.addAll(Corpus.registerCases());
    return all;
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void corpusVerdictsAndShortestPrefixes(Corpus.Case c) {
    for (boolean partitioned : new boolean[] {true, false}) {
      CheckResult<?> result = check(c, partitioned, PlantedBug.NONE);
      assertThat(result.isLinearizable())
          .as("%s, partitioned=%s", c.name(), partitioned)
          .isEqualTo(c.valid());
      if (!c.valid()) {
        Counterexample<?> ce = ((CheckResult.NotLinearizable<?>) result).counterexample();
        assertThat(ce.failingIndex()).as(c.name()).isEqualTo(c.failingIndex());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dev.procgroups.model.linearizability.Corpus#cases")
  void verdictSurvivesEdnAndJson(Corpus.Case c) {
    History viaEdn = HistoryEdn.read(HistoryEdn.writeLines(c.history()));
    History viaJson = HistoryJson.read(HistoryJson.write(c.history()));
    assertThat(check(viaEdn, true, PlantedBug.NONE).isLinearizable()).isEqualTo(c.valid());
    assertThat(check(viaJson, true, PlantedBug.NONE).isLinearizable()).isEqualTo(c.valid());
  }

  @ParameterizedTest
  @EnumSource(value = PlantedBug.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void corpusCatchesEveryPlantedBug(PlantedBug bug) {
    List<String> wrong =
        corpus().stream()
            .filter(c -> check(c, true, bug).isLinearizable() != c.valid())
            .map(Corpus.Case::name)
            .toList();
    assertThat(wrong).as("cases on which %s gives the wrong verdict", bug).isNotEmpty();
  }

  /**
   * Beyond the corpus: random corruptions judged by the brute-force oracle also expose each planted
   * bug.
   */
  @ParameterizedTest
  @EnumSource(
      value = PlantedBug.class,
      names = {"NONE", "MEMO_IGNORES_STATE"},
      mode = EnumSource.Mode.EXCLUDE)
  void randomCorruptionsCatchThePlantedBugs(PlantedBug bug) {
    LinearizabilityChecker broken =
        new LinearizabilityChecker(LinearizabilityChecker.DEFAULT_MAX_CONFIGURATIONS, true, bug);
    long seed = 0;
    CorruptionTrial trial;
    do {
      trial = CorruptionTrial.of(seed++, 3, 2, 7);
    } while (seed < 5_000
        && broken.check(trial.corrupted(), SPEC).isLinearizable() == trial.linearizable());
    assertThat(seed).as("seeds tried before %s gave a wrong verdict", bug).isLessThan(5_000);
  }

  @Test
  void counterexampleNamesTheCallTheConcurrentOnesAndTheStates() {
    History history =
        Script.parse(
            "0 join a g",
            "0 ok",
            "1 join a g",
            "2 leave a g",
            "3 read g",
            "3 ok a a a",
            "1 ok",
            "2 info");
    CheckResult<MembershipState> result = check(history, true, PlantedBug.NONE);
    Counterexample<MembershipState> ce =
        ((CheckResult.NotLinearizable<MembershipState>) result).counterexample();
    assertThat(ce.failingIndex()).isEqualTo(5);
    assertThat(ce.partition()).isEqualTo("g");
    assertThat(ce.call().invoke().index()).isEqualTo(4);
    assertThat(ce.concurrent()).extracting(c -> c.invoke().index()).containsExactly(2L, 3L);
    // The join pending at the cut and the crashed leave are recorded as effects that may still
    // happen.
    assertThat(ce.statesReached())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.state().members("g")).containsExactly("a");
              assertThat(r.state().mayJoin("g")).containsExactly("a");
              assertThat(r.state().mayLeave("g")).containsExactly("a");
              assertThat(r.placed()).extracting(c -> c.invoke().index()).containsExactly(2L, 3L);
            });
    assertThat(ce.distinctStates()).isEqualTo(1);
    assertThat(ce.text())
        .contains("the shortest non-linearizable prefix ends at index 5 (partition g)")
        .contains(
            "[4..5] process 3 :get_members {:group \"g\"} -> :ok {:group \"g\", :members [\"a\" \"a\" \"a\"]}")
        .contains("[3..7] process 2 :leave {:pid \"a\", :group \"g\"} -> :info nil")
        .contains(
            "{\"g\" [\"a\"] may-join [\"a\"] may-leave [\"a\"]}  after placing [2..6], [3..7]");
  }

  @Test
  void acceptsTheClojureSpellingOfReads() {
    String edn =
        """
                {:type :invoke, :f :join, :value {:pid "a", :group "g"}, :process 0, :time 1}
                {:type :ok, :f :join, :value {}, :process 0, :time 2}
                {:type :invoke, :f :get-local-members, :value {:pid "a", :group "g"}, :process 1, :time 3}
                {:type :ok, :f :get-local-members, :value {:members []}, :process 1, :time 4}
                """;
    CheckResult<MembershipState> result = check(HistoryEdn.read(edn), true, PlantedBug.NONE);
    assertThat(result)
        .isInstanceOfSatisfying(
            CheckResult.NotLinearizable.class,
            r -> assertThat(r.counterexample().failingIndex()).isEqualTo(3));
  }

  @Test
  void malformedCallsAreReportedWithTheirIndex() {
    History history =
        HistoryEdn.read(
            "{:type :invoke, :f :join, :value {:pid 1, :group \"g\"}, :process 0, :time 1}");
    assertThatThrownBy(() -> check(history, true, PlantedBug.NONE))
        .hasMessageContaining("call invoked at index 0: value needs a string :pid");
    History unknown =
        HistoryEdn.read("{:type :invoke, :f :cas, :value {:group \"g\"}, :process 0, :time 1}");
    assertThatThrownBy(() -> check(unknown, true, PlantedBug.NONE))
        .hasMessageContaining("unknown :f :cas");
  }

  @Test
  void givesUpPastTheConfigurationBudget() {
    String[] script = new String[20];
    for (int p = 0; p < 10; p++) {
      script[p] = p + " join a g";
      script[10 + p] = p + " ok";
    }
    History history = Script.parse(Arrays.copyOf(script, 20));
    CheckResult<MembershipState> result = new LinearizabilityChecker(5, true).check(history, SPEC);
    assertThat(result).isInstanceOf(CheckResult.Undecided.class);
  }

  static <S> CheckResult<S> check(Corpus.Case c, boolean partitioned, PlantedBug bug) {
    @SuppressWarnings("unchecked")
    Specification<S> spec = (Specification<S>) c.spec();
    return new LinearizabilityChecker(
            LinearizabilityChecker.DEFAULT_MAX_CONFIGURATIONS, partitioned, bug)
        .check(c.history(), spec);
  }

  static CheckResult<MembershipState> check(History history, boolean partitioned, PlantedBug bug) {
    return new LinearizabilityChecker(
            LinearizabilityChecker.DEFAULT_MAX_CONFIGURATIONS, partitioned, bug)
        .check(history, SPEC);
  }
}
