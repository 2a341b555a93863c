package dev.procgroups.model.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.model.history.History;
import dev.procgroups.model.history.OpType;
import dev.procgroups.model.history.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

class LinearizabilityProperties {

  private static final MembershipSpecification SPEC = new MembershipSpecification();

  @Property(tries = 200)
  void historiesOfTheSequentialModelAreLinearizable(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 8) int processes,
      @ForAll @IntRange(min = 1, max = 3) int groups,
      @ForAll @IntRange(min = 1, max = 3) int pids,
      @ForAll @IntRange(min = 0, max = 40) int latency,
      @ForAll @DoubleRange(max = 0.3) double crashRate,
      @ForAll @IntRange(min = 0, max = 150) int calls) {
    History history =
        new RandomMembershipHistory(processes, groups, pids, latency, crashRate)
            .generate(calls, seed);
    assertThat(new LinearizabilityChecker().check(history, SPEC).isLinearizable()).isTrue();
    assertThat(
            new LinearizabilityChecker(LinearizabilityChecker.DEFAULT_MAX_CONFIGURATIONS, false)
                .check(history, SPEC)
                .isLinearizable())
        .isTrue();
  }

  /** The brute-force oracle decides whether a corruption changed an observable result. */
  @Property(tries = 1000)
  void singleCorruptionsAreCaughtExactlyWhenNoLinearizationExplainsThem(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 3) int processes,
      @ForAll @IntRange(min = 1, max = 2) int pids,
      @ForAll @IntRange(min = 1, max = 7) int calls) {
    CorruptionTrial trial = CorruptionTrial.of(seed, processes, pids, calls);
    Statistics.collect(trial.linearizable() ? "still linearizable" : "caught");
    Statistics.coverage(coverage -> coverage.check("caught").percentage(p -> p > 20));
    assertThat(new LinearizabilityChecker().check(trial.corrupted(), SPEC).isLinearizable())
        .isEqualTo(trial.linearizable());
  }

  /**
   * A read that lists a PID never joined cannot be explained; the prefix fails exactly at its
   * completion.
   */
  @Property(tries = 200)
  void anImpossibleReadEndsTheShortestFailingPrefix(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 10) int processes,
      @ForAll @IntRange(min = 20, max = 300) int calls) {
    History history = new RandomMembershipHistory(processes, 3, 3, 30, 0.1).generate(calls, seed);
    int target = firstOkRead(history);
    if (target < 0) {
      return;
    }
    List<Operation> ops = new ArrayList<>(history.operations());
    Map<?, ?> value = (Map<?, ?>) ops.get(target).value();
    List<String> members = List.of("{ghost@app:processes|ffffff}");
    ops.set(
        target,
        ops.get(target)
            .withValue(MembershipOps.readResult((String) value.get(MembershipOps.GROUP), members)));
    CheckResult<MembershipState> result =
        new LinearizabilityChecker().check(new History(ops), SPEC);
    assertThat(result)
        .isInstanceOfSatisfying(
            CheckResult.NotLinearizable.class,
            r -> assertThat(r.counterexample().failingIndex()).isEqualTo(target));
  }

  private static int firstOkRead(History history) {
    for (int i = 0; i < history.size(); i++) {
      Operation op = history.get(i);
      if (op.type() == OpType.OK
          && op.value() instanceof Map<?, ?> m
          && m.containsKey(MembershipOps.MEMBERS)) {
        return i;
      }
    }
    return -1;
  }
}
