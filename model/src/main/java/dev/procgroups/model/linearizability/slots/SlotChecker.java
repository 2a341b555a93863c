package dev.procgroups.model.linearizability.slots;

import dev.procgroups.model.history.History;
import dev.procgroups.model.linearizability.CallText;
import dev.procgroups.model.linearizability.CheckResult;
import dev.procgroups.model.linearizability.LinearizabilityChecker;
import dev.procgroups.model.linearizability.MembershipSpecification;
import dev.procgroups.model.linearizability.slots.SlotCheckResult.Verdict;
import dev.procgroups.model.linearizability.slots.SlotCheckResult.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks one node's membership calls ({@link dev.procgroups.model.linearizability.MembershipOps})
 * for linearizability against {@link MembershipSpecification}, using that membership is a multiset
 * of (group, PID) slots rather than an arbitrary register:
 *
 * <ol>
 *   <li>Each group is checked alone ({@link GroupHistory}): exact, since every call touches one
 *       group.
 *   <li>Each group's projection onto each PID (its joins and leaves, and every read reduced to that
 *       PID's count) is checked first: a projection without a linearization proves the group has
 *       none, and most violations (a read missing or inventing a slot, a leave finding a slot that
 *       cannot be there) show in one PID's counter, which is cheap to search.
 *   <li>The group whole is then searched ({@link SlotSearch}), which decides the cases the
 *       projections cannot (a read sees every PID at one point).
 *   <li>A group whose search exceeds the budget goes to the model's WGL checker ({@link
 *       LinearizabilityChecker}); when that gives up too, the verdict is unknown.
 * </ol>
 *
 * Crashed ({@code :info}) joins and leaves may take effect at any point after their invocation, or
 * never, as in the specification. Every verdict is exact: valid and invalid mean what the model's
 * WGL checker would say, given the budget.
 *
 * <p>Cost: one pass per PID and one per group, each a search whose configurations grew about
 * linearly with the history on generated histories (see {@code bench/results/checker.md}).
 */
public final class SlotChecker {

  /**
   * Memo entries one search may store (three longs each, about 100 bytes with the set's overhead).
   */
  public static final long DEFAULT_MAX_CONFIGURATIONS = 2_000_000L;

  private final long maxConfigurations;
  private final SlotMutant mutant;

  public SlotChecker() {
    this(DEFAULT_MAX_CONFIGURATIONS);
  }

  /**
   * @param maxConfigurations memo entries one search (and the WGL fallback) may store
   */
  public SlotChecker(long maxConfigurations) {
    this(maxConfigurations, SlotMutant.NONE);
  }

  SlotChecker(long maxConfigurations, SlotMutant mutant) {
    this.maxConfigurations = maxConfigurations;
    this.mutant = mutant;
  }

  /**
   * Throws {@link IllegalArgumentException} for a call that is not a membership call of the
   * expected shape.
   */
  public SlotCheckResult check(History history) {
    List<Violation> violations = new ArrayList<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("configurations", 0L);
    long calls = 0;
    long decided = 0;
    List<GroupHistory> groups = GroupHistory.split(history);
    for (GroupHistory group : groups) {
      String how = checkGroup(group, violations, counts);
      counts.merge("groups-" + how, 1L, Long::sum);
      calls += group.calls().size();
      decided += how.equals("undecided") ? 0 : group.calls().size();
    }
    counts.put("groups", (long) groups.size());
    counts.put("calls", calls);
    counts.put("calls-decided", decided);
    Verdict verdict =
        !violations.isEmpty()
            ? Verdict.INVALID
            : decided < calls || calls == 0 ? Verdict.UNKNOWN : Verdict.VALID;
    return new SlotCheckResult(verdict, violations, counts);
  }

  /**
   * Decides one group, adding a violation if it has no linearization; returns how it was decided.
   */
  private String checkGroup(
      GroupHistory group, List<Violation> violations, Map<String, Long> counts) {
    for (int pid = 0; pid < group.pids().size(); pid++) {
      SlotSearch projection = new SlotSearch(group.onlyPid(pid), maxConfigurations, mutant);
      if (run(projection, counts) == SlotSearch.Verdict.NOT_LINEARIZABLE) {
        violations.add(
            violation(group, "its projection onto PID " + group.pids().get(pid), projection));
        return "by-projection";
      }
    }
    SlotSearch whole = new SlotSearch(group, maxConfigurations, mutant);
    SlotSearch.Verdict verdict = run(whole, counts);
    if (verdict == SlotSearch.Verdict.NOT_LINEARIZABLE) {
      violations.add(violation(group, "its calls", whole));
    }
    if (verdict != SlotSearch.Verdict.BUDGET_EXCEEDED) {
      return "by-search";
    }
    CheckResult<?> wgl =
        new LinearizabilityChecker(maxConfigurations, true)
            .check(group.asHistory(), new MembershipSpecification());
    counts.merge("configurations", wgl.configurations(), Long::sum);
    if (wgl instanceof CheckResult.NotLinearizable<?> n) {
      violations.add(
          new Violation(
              group.group(), n.counterexample().failingIndex(), n.counterexample().text()));
    }
    return wgl instanceof CheckResult.Undecided<?> ? "undecided" : "by-wgl";
  }

  private static SlotSearch.Verdict run(SlotSearch search, Map<String, Long> counts) {
    SlotSearch.Verdict verdict = search.run();
    counts.merge("configurations", search.configurations(), Long::sum);
    return verdict;
  }

  private static Violation violation(GroupHistory group, String what, SlotSearch search) {
    History.Call call = search.furthestStuck().call();
    long index = (call.completion() == null ? call.invoke() : call.completion()).index();
    return new Violation(
        group.group(),
        index,
        "Not linearizable: in group "
            + group.group()
            + ", "
            + what
            + " has no linearization that gets past the completion at index "
            + index
            + " of\n  "
            + CallText.describe(call)
            + "\n");
  }
}
