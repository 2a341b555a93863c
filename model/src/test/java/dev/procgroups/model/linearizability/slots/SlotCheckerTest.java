package dev.procgroups.model.linearizability.slots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.model.history.History;
import dev.procgroups.model.linearizability.BruteForce;
import dev.procgroups.model.linearizability.Corruption;
import dev.procgroups.model.linearizability.RandomMembershipHistory;
import dev.procgroups.model.linearizability.slots.SlotCheckResult.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SlotCheckerTest {

  private static List<SlotCorpus.Entry> corpus;

  @BeforeAll
  static void buildCorpus() {
    corpus = SlotCorpus.entries();
  }

  @Test
  void agreesWithWglOnEveryHistoryWglDecides() {
    int decided = 0;
    int invalid = 0;
    for (SlotCorpus.Entry e : corpus) {
      if (e.wgl() == null) {
        continue;
      }
      decided++;
      invalid += e.wgl() == Verdict.INVALID ? 1 : 0;
      SlotCheckResult result = new SlotChecker().check(e.history());
      assertThat(agrees(result, e.wgl() == Verdict.VALID)).as(e.name() + " " + result).isTrue();
      assertThat(result.count("calls-decided")).isEqualTo(result.count("calls"));
    }
    // The corpus must exercise both verdicts, and WGL must decide nearly all of it.
    assertThat(decided).isGreaterThan(corpus.size() * 9 / 10);
    assertThat(invalid).isGreaterThan(decided / 5);
  }

  @Test
  void violationsPlantedAtTheEndOfLongHistoriesAreFoundThere() {
    List<SlotCorpus.Entry> planted =
        corpus.stream().filter(e -> e.name().startsWith("violation at the end")).toList();
    assertThat(planted).hasSize(8);
    for (SlotCorpus.Entry e : planted) {
      SlotCheckResult result = new SlotChecker().check(e.history());
      assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
      assertThat(result.violations())
          .singleElement()
          .satisfies(v -> assertThat(v.failingIndex()).isEqualTo(e.history().size() - 1));
    }
  }

  @Test
  void everyMutantIsCaughtByTheCorpus() {
    for (SlotMutant mutant : SlotMutant.values()) {
      if (mutant == SlotMutant.NONE) {
        continue;
      }
      List<String> caught = new ArrayList<>();
      for (SlotCorpus.Entry e : corpus) {
        SlotCheckResult result =
            new SlotChecker(SlotChecker.DEFAULT_MAX_CONFIGURATIONS, mutant).check(e.history());
        if (e.wgl() != null && !agrees(result, e.wgl() == Verdict.VALID)) {
          caught.add(e.name());
        }
      }
      assertThat(caught).as(mutant.name()).isNotEmpty();
    }
  }

  @Test
  void aCheckerWithTooSmallABudgetSaysUnknownNotValid() {
    History history = new RandomMembershipHistory(8, 1, 4, 80, 0.05).generate(400, 7L);
    SlotCheckResult result = new SlotChecker(3).check(history);
    assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(result.count("groups-undecided")).isEqualTo(1);
    assertThat(result.count("calls-decided")).isZero();
  }

  /**
   * The brute-force oracle tries every order of small histories, each with one corrupted
   * completion.
   */
  @Test
  void agreesWithTheBruteForceOracleOnSmallCorruptedHistories() {
    int invalid = 0;
    for (long seed = 0; seed < 1_500; seed++) {
      Random random = new Random(seed);
      int processes = 1 + random.nextInt(3);
      History history =
          new RandomMembershipHistory(processes, 1, 1 + random.nextInt(2), 20, 0.2)
              .generate(1 + random.nextInt(7), seed);
      List<Integer> targets = Corruption.targets(history);
      History corrupted =
          Corruption.corrupt(history, targets.get(random.nextInt(targets.size())), random);
      SlotCheckResult result = new SlotChecker().check(corrupted);
      boolean linearizable = new BruteForce(corrupted).linearizable();
      invalid += linearizable ? 0 : 1;
      assertThat(result.count("groups-by-wgl")).isZero();
      assertThat(agrees(result, linearizable)).as("seed " + seed + " " + result).isTrue();
    }
    assertThat(invalid).isGreaterThan(300);
  }

  /** Valid for a linearizable history (unknown when no call says anything), invalid for another. */
  private static boolean agrees(SlotCheckResult result, boolean linearizable) {
    Verdict expected =
        !linearizable
            ? Verdict.INVALID
            : result.count("calls") == 0 ? Verdict.UNKNOWN : Verdict.VALID;
    return result.verdict() == expected;
  }
}
