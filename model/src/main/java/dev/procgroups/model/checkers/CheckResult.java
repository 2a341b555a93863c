package dev.procgroups.model.checkers;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a checker found: its verdict, the problems behind an {@link Validity#INVALID} verdict, and
 * counts of what it looked at (so that "valid" can be told apart from "checked nothing").
 */
public record CheckResult(String checker, Validity validity, List<Problem> problems, Map<String, Long> counts) {

  public CheckResult {
    problems = List.copyOf(problems);
    counts = Map.copyOf(counts);
  }

  /** Invalid if there are problems, unknown if {@code checked} is zero, else valid. */
  static CheckResult of(String checker, List<Problem> problems, long checked, Map<String, Long> counts) {
    Validity v = !problems.isEmpty() ? Validity.INVALID : checked == 0 ? Validity.UNKNOWN : Validity.VALID;
    return new CheckResult(checker, v, problems, counts);
  }

  public boolean valid() {
    return validity == Validity.VALID;
  }

  /** One console line: {@code broadcast: INVALID (2 problems) deliveries=120 logs=9}. */
  public String summary() {
    StringBuilder s = new StringBuilder(checker).append(": ").append(validity);
    if (!problems.isEmpty()) {
      s.append(" (").append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append(')');
    }
    new TreeMap<>(counts).forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
    return s.toString();
  }
}
