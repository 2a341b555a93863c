package dev.procgroups.model.linearizability;

import dev.procgroups.model.history.History;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a history against a {@link Specification} for linearizability with the Wing–Gong–Lowe
 * search ({@link WglSearch}), memoizing (linearized set, state) as Knossos' {@code wgl} and
 * Porcupine do. Calls are split by {@link Transition#partition()} and each part is checked alone.
 * Nemesis operations are ignored; a call that never completed counts as {@code :info}.
 */
public final class LinearizabilityChecker {

  /**
   * Roughly a gigabyte of memo entries for small states; beyond it the verdict is {@link
   * CheckResult.Undecided}.
   */
  public static final long DEFAULT_MAX_CONFIGURATIONS = 10_000_000L;

  private final long maxConfigurations;
  private final boolean partitioned;
  private final PlantedBug bug;

  public LinearizabilityChecker() {
    this(DEFAULT_MAX_CONFIGURATIONS, true);
  }

  /**
   * @param maxConfigurations memo entries one search may store before giving up
   * @param partitioned whether to check each partition alone (false: one search over all calls)
   */
  public LinearizabilityChecker(long maxConfigurations, boolean partitioned) {
    this(maxConfigurations, partitioned, PlantedBug.NONE);
  }

  LinearizabilityChecker(long maxConfigurations, boolean partitioned, PlantedBug bug) {
    this.maxConfigurations = maxConfigurations;
    this.partitioned = partitioned;
    this.bug = bug;
  }

  public <S> CheckResult<S> check(History history, Specification<S> spec) {
    List<Partition> partitions = partition(history.calls(), spec);
    long configurations = 0;
    int callsChecked = 0;
    List<Partition> failing = new ArrayList<>();
    for (Partition partition : partitions) {
      List<Step<S>> steps = partition.steps(spec, Partition.WHOLE, bug, new ArrayList<>());
      WglSearch<S> search = new WglSearch<>(spec.initialState(), steps, bug, maxConfigurations);
      WglSearch.Verdict verdict = search.run();
      configurations += search.configurations();
      callsChecked += steps.size();
      if (verdict == WglSearch.Verdict.BUDGET_EXCEEDED) {
        return new CheckResult.Undecided<>(
            "more than " + maxConfigurations + " configurations in partition " + partition.key(),
            configurations);
      }
      if (verdict == WglSearch.Verdict.NOT_LINEARIZABLE) {
        failing.add(partition);
      }
    }
    if (failing.isEmpty()) {
      return new CheckResult.Linearizable<>(callsChecked, partitions.size(), configurations);
    }
    CounterexampleFinder<S> finder = new CounterexampleFinder<>(spec, bug, maxConfigurations);
    return new CheckResult.NotLinearizable<>(finder.find(failing), configurations);
  }

  private <S> List<Partition> partition(List<History.Call> calls, Specification<S> spec) {
    Map<Object, List<History.Call>> byKey = new LinkedHashMap<>();
    boolean split = partitioned;
    for (History.Call call : calls) {
      Object key = Partition.transition(spec, call).partition();
      split &= key != null;
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(call);
    }
    if (!split) {
      return List.of(new Partition(null, calls));
    }
    List<Partition> partitions = new ArrayList<>();
    byKey.forEach((key, list) -> partitions.add(new Partition(key, list)));
    return partitions;
  }
}
