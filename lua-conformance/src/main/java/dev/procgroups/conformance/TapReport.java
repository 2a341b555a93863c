package dev.procgroups.conformance;

import java.util.List;

/**
 * The Test Anything Protocol (version 14) form of a run: one test point per script and cluster
 * size, with the script's own assertion lines as an indented subtest.
 */
public final class TapReport {

  private TapReport() {}

  public static String render(List<ScriptResult> results) {
    StringBuilder out = new StringBuilder("TAP version 14\n1..").append(results.size()).append('\n');
    int n = 0;
    for (ScriptResult r : results) {
      n++;
      String name = r.script().id() + " [" + r.nodes() + " node" + (r.nodes() == 1 ? "" : "s") + "]";
      if (r.skipped() != null) {
        out.append("ok ").append(n).append(" - ").append(name).append(" # SKIP ").append(r.skipped()).append('\n');
        continue;
      }
      out.append("# Subtest: ").append(name).append('\n');
      for (String line : r.outcome().output()) {
        out.append("    ").append(line).append('\n');
      }
      if (!r.outcome().completed()) {
        out.append("    # ").append(r.outcome().failure()).append('\n');
      }
      out.append(r.passed() ? "ok " : "not ok ").append(n).append(" - ").append(name).append('\n');
    }
    return out.toString();
  }
}
