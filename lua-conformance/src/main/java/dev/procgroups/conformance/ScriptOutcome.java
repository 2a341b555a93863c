package dev.procgroups.conformance;

import java.util.List;

/**
 * What running one script produced: its printed lines (TAP assertions among them), whether it ran
 * to completion, and why not. A script passes when it completed and printed no "not ok" line.
 */
public record ScriptOutcome(List<String> output, boolean completed, String failure, long millis) {

  public boolean passed() {
    return completed && output.stream().noneMatch(l -> l.startsWith("not ok"));
  }

  /** The assertion lines ("ok ..." / "not ok ...") the script printed. */
  public long assertions() {
    return output.stream().filter(l -> l.startsWith("ok ") || l.startsWith("not ok ")).count();
  }
}
