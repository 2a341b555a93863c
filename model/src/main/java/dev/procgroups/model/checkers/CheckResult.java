package dev.procgroups.model.checkers;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a checker found: its verdict, the problems behind an {@link Validity#INVALID} verdict,
 * counts of what it looked at, and its coverage: how many items it checked ({@code checked}) of the
 * items the history offered ({@code checkable}), so that "valid" can be told apart from "checked
 * little".
 */
public record CheckResult(
    String checker,
    Validity validity,
    List<Problem> problems,
    Map<String, Long> counts,
    long checked,
    long checkable) {

  /**
   * The share of the checkable items a checker must have checked for a VALID verdict; below it the
   * verdict is UNKNOWN (a run that saw no problem in a tenth of its history proves little).
   */
  public static final double MIN_COVERAGE = 0.9;

  public CheckResult {
    problems = List.copyOf(problems);
    counts = Map.copyOf(counts);
    if (checked < 0 || checked > checkable) {
      throw new IllegalArgumentException("checked " + checked + " of " + checkable);
    }
  }

  /**
   * Invalid if there are problems; unknown if nothing was checked or less than {@link
   * #MIN_COVERAGE} of what could be; else valid.
   */
  static CheckResult of(
      String checker,
      List<Problem> problems,
      long checked,
      long checkable,
      Map<String, Long> counts) {
    Validity v =
        !problems.isEmpty()
            ? Validity.INVALID
            : checked == 0 || checked < MIN_COVERAGE * checkable
                ? Validity.UNKNOWN
                : Validity.VALID;
    return new CheckResult(checker, v, problems, counts, checked, checkable);
  }

  public boolean valid() {
    return validity == Validity.VALID;
  }

  /** {@code checked / checkable}, 1 when there was nothing to check. */
  public double coverage() {
    return checkable == 0 ? 1 : (double) checked / checkable;
  }

  /**
   * One console line: {@code broadcast: INVALID (2 problems) checked 118/120 (98.3 %)
   * deliveries=120}.
   */
  public String summary() {
    StringBuilder s = new StringBuilder(checker).append(": ").append(validity);
    if (!problems.isEmpty()) {
      s.append(" (")
          .append(problems.size())
          .append(problems.size() == 1 ? " problem" : " problems")
          .append(')');
    }
    s.append(
        String.format(
            Locale.ROOT, " checked %d/%d (%.1f %%)", checked, checkable, 100 * coverage()));
    new TreeMap<>(counts).forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
    return s.toString();
  }
}
