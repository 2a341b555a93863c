package dev.procgroups.model.linearizability.slots;

import java.util.List;
import java.util.Map;

/**
 * The slot checker's verdict, with the violations behind an {@link Verdict#INVALID} one and counts
 * of what it checked and how each group was decided.
 *
 * @param counts {@code calls} (calls that say something), {@code calls-decided} (of those, in
 *     groups decided either way), {@code groups}, {@code groups-by-projection}, {@code
 *     groups-by-search}, {@code groups-by-wgl}, {@code groups-undecided}, {@code configurations}
 *     (memo entries stored)
 */
public record SlotCheckResult(
    Verdict verdict, List<Violation> violations, Map<String, Long> counts) {

  public enum Verdict {
    /** Every group has a linearization. */
    VALID,
    /** Some group has none. */
    INVALID,
    /**
     * No violation found, but some group was not decided within the budget, or nothing was checked.
     */
    UNKNOWN
  }

  /**
   * A group without a linearization.
   *
   * @param group the group
   * @param failingIndex the index of the completion no linearization gets past
   * @param text the same, readable: how it was found and the call that completes there
   */
  public record Violation(String group, long failingIndex, String text) {}

  public SlotCheckResult {
    violations = List.copyOf(violations);
    counts = Map.copyOf(counts);
  }

  public long count(String name) {
    return counts.getOrDefault(name, 0L);
  }
}
