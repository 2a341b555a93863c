package dev.procgroups.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * What running one script produced: its printed lines (TAP assertions among them), whether it ran
 * to completion, why not, and the last lines the runtime wrote to its error stream. A script passes
 * when it completed and printed no "not ok" line.
 */
public record ScriptOutcome(
    List<String> output, boolean completed, String failure, List<String> stderrTail, long millis) {

  public boolean passed() {
    return completed && output.stream().noneMatch(l -> l.startsWith("not ok"));
  }

  /** The "not ok" lines, each with the "#" diagnostic lines that follow it. */
  public List<String> failingLines() {
    List<String> lines = new ArrayList<>();
    boolean inFailure = false;
    for (String line : output) {
      if (line.startsWith("not ok")) {
        inFailure = true;
      } else if (!line.startsWith("#")) {
        inFailure = false;
      }
      if (inFailure) {
        lines.add(line);
      }
    }
    return lines;
  }
}
