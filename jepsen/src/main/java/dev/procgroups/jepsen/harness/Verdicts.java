package dev.procgroups.jepsen.harness;

import dev.procgroups.model.checkers.CheckResult;
import dev.procgroups.model.checkers.Validity;
import java.util.List;

/** Combines checker verdicts: invalid if any is, else unknown if any is, else valid. */
final class Verdicts {
  private Verdicts() {}

  static Validity overall(List<CheckResult> results) {
    if (results.stream().anyMatch(r -> r.validity() == Validity.INVALID)) {
      return Validity.INVALID;
    }
    if (results.isEmpty() || results.stream().anyMatch(r -> r.validity() == Validity.UNKNOWN)) {
      return Validity.UNKNOWN;
    }
    return Validity.VALID;
  }
}
