package dev.procgroups.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Passed / failed / skipped counts of a run: in all, per tag and per capability the cases need. */
public record Summary(Counts total, Map<String, Counts> byTag, Map<String, Counts> byCapability) {

  /** How many of some cases passed, failed and were skipped. */
  public record Counts(int passed, int failed, int skipped) {
    static Counts of(List<ScriptResult> results) {
      int failed = (int) results.stream().filter(ScriptResult::failed).count();
      int skipped = (int) results.stream().filter(r -> r.skipped() != null).count();
      return new Counts(results.size() - failed - skipped, failed, skipped);
    }
  }

  public static Summary of(List<ScriptResult> results) {
    Map<String, Counts> byTag = new LinkedHashMap<>();
    for (String tag : Suite.CASE_FOLDERS) {
      put(byTag, tag, results, r -> r.script().tags().contains(tag));
    }
    Map<String, Counts> byCapability = new LinkedHashMap<>();
    for (Capability c : Capability.values()) {
      put(
          byCapability,
          c.word(),
          results,
          r -> r.script().needs().contains(c) || c == Capability.MULTI_NODE && r.nodes() > 1);
    }
    return new Summary(Counts.of(results), byTag, byCapability);
  }

  private static void put(
      Map<String, Counts> into,
      String key,
      List<ScriptResult> results,
      Predicate<ScriptResult> which) {
    List<ScriptResult> some = results.stream().filter(which).toList();
    if (!some.isEmpty()) {
      into.put(key, Counts.of(some));
    }
  }

  /** The table the console shows: one row per tag and per capability. */
  public List<String> table() {
    List<String> lines = new ArrayList<>();
    lines.add(String.format("%-20s %7s %7s %7s", "", "passed", "failed", "skipped"));
    byTag.forEach((tag, c) -> lines.add(row("tag " + tag, c)));
    byCapability.forEach((cap, c) -> lines.add(row("needs " + cap, c)));
    lines.add(row("all cases", total));
    return lines;
  }

  private static String row(String label, Counts c) {
    return String.format("%-20s %7d %7d %7d", label, c.passed(), c.failed(), c.skipped());
  }
}
