package dev.procgroups.model.linearizability;

import dev.procgroups.model.history.History;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the shortest non-linearizable prefix of a history and explains it. A prefix's pending calls
 * may take effect or not, so a prefix that has no linearization keeps having none as it grows; the
 * shortest one therefore ends at a return event and is found by bisection over a failing
 * partition's return events (linearizability is local, so the history's shortest is the shortest
 * over partitions).
 */
final class CounterexampleFinder<S> {

  private final Specification<S> spec;
  private final PlantedBug bug;
  private final long budget;

  CounterexampleFinder(Specification<S> spec, PlantedBug bug, long budget) {
    this.spec = spec;
    this.bug = bug;
    this.budget = budget;
  }

  Counterexample<S> find(List<Partition> failing) {
    Partition best = null;
    int bestCut = Integer.MAX_VALUE;
    for (Partition partition : failing) {
      int cut = shortestFailingCut(partition);
      if (cut < bestCut) {
        bestCut = cut;
        best = partition;
      }
    }
    return explain(best, bestCut);
  }

  /**
   * A prefix whose search runs out of budget counts as linearizable, so the cut found surely fails.
   */
  private int shortestFailingCut(Partition partition) {
    List<Integer> returns = new ArrayList<>();
    for (Step<S> step : partition.steps(spec, Partition.WHOLE, bug, new ArrayList<>())) {
      if (step.hasReturn()) {
        returns.add(step.call().completionPosition());
      }
    }
    returns.sort(null);
    int lo = 0;
    int hi = returns.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (fails(partition, returns.get(mid))) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return returns.get(lo);
  }

  private boolean fails(Partition partition, int cut) {
    List<Step<S>> steps = partition.steps(spec, cut, bug, new ArrayList<>());
    return new WglSearch<>(spec.initialState(), steps, bug, budget).run()
        == WglSearch.Verdict.NOT_LINEARIZABLE;
  }

  private Counterexample<S> explain(Partition partition, int cut) {
    List<History.Call> originals = new ArrayList<>();
    List<Step<S>> steps = partition.steps(spec, cut, bug, originals);
    int watched = -1;
    for (int s = 0; s < steps.size(); s++) {
      if (steps.get(s).hasReturn() && steps.get(s).call().completionPosition() == cut) {
        watched = s;
      }
    }
    History.Call failed = originals.get(watched);
    List<Integer> concurrent = new ArrayList<>();
    for (int s = 0; s < steps.size(); s++) {
      History.Call c = steps.get(s).call();
      if (s != watched
          && (c.completion() == null || c.completionPosition() > failed.invokePosition())) {
        concurrent.add(s);
      }
    }
    Map<Counterexample.ReachedState<S>, Boolean> reached = new LinkedHashMap<>();
    Set<Counterexample.ReachedState<S>> distinct = new HashSet<>();
    new WglSearch<>(spec.initialState(), steps, bug, budget)
        .run(
            watched,
            (state, linearized) -> {
              List<History.Call> placed = new ArrayList<>();
              for (int s : concurrent) {
                if ((linearized[s >>> 6] & (1L << s)) != 0) {
                  placed.add(originals.get(s));
                }
              }
              Counterexample.ReachedState<S> r = new Counterexample.ReachedState<>(state, placed);
              if (distinct.add(r) && reached.size() < Counterexample.MAX_STATES) {
                reached.put(r, true);
              }
            });
    List<History.Call> concurrentCalls = concurrent.stream().map(originals::get).toList();
    long failingIndex = failed.completion().index();
    List<Counterexample.ReachedState<S>> states = List.copyOf(reached.keySet());
    String text =
        text(failingIndex, partition.key(), failed, concurrentCalls, states, distinct.size());
    return new Counterexample<>(
        failingIndex, partition.key(), failed, concurrentCalls, states, distinct.size(), text);
  }

  private String text(
      long failingIndex,
      Object key,
      History.Call failed,
      List<History.Call> concurrent,
      List<Counterexample.ReachedState<S>> states,
      int distinct) {
    StringBuilder out =
        new StringBuilder("Not linearizable: the shortest non-linearizable prefix ends at index ")
            .append(failingIndex)
            .append(key == null ? "" : " (partition " + key + ")")
            .append(".\n");
    out.append("This call cannot take effect:\n  ").append(CallText.describe(failed)).append('\n');
    out.append("Calls concurrent with it or still pending (")
        .append(concurrent.size())
        .append("):\n");
    for (History.Call c : concurrent) {
      out.append("  ").append(CallText.describe(c)).append('\n');
    }
    out.append("Model states from which it could not be placed (")
        .append(states.size())
        .append(" of ")
        .append(distinct)
        .append("):\n");
    for (Counterexample.ReachedState<S> r : states) {
      out.append("  ").append(spec.describe(r.state()));
      if (!r.placed().isEmpty()) {
        out.append("  after placing ")
            .append(String.join(", ", r.placed().stream().map(CallText::brief).toList()));
      }
      out.append('\n');
    }
    return out.toString();
  }
}
