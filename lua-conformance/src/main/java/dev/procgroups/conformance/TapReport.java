package dev.procgroups.conformance;

import java.util.List;

/**
 * The Test Anything Protocol (version 14) form of a run: one test point per case and cluster size,
 * with the script's own assertion lines as an indented subtest; a case the runtime cannot run is a
 * {@code # SKIP} naming the capability it needs.
 */
public final class TapReport {

  private TapReport() {}

  public static String render(Reports.Run run, List<ScriptResult> results) {
    StringBuilder out = new StringBuilder("TAP version 14\n");
    out.append("# pg conformance suite ").append(run.suiteVersion()).append('\n');
    out.append("# runtime: ").append(run.runtime()).append('\n');
    out.append("# capabilities: ").append(run.capabilities()).append('\n');
    out.append("1..").append(results.size()).append('\n');
    int n = 0;
    for (ScriptResult r : results) {
      n++;
      if (r.skipped() != null) {
        out.append("ok ")
            .append(n)
            .append(" - ")
            .append(r.name())
            .append(" # SKIP ")
            .append(r.skipped())
            .append('\n');
        continue;
      }
      out.append("# Subtest: ").append(r.name()).append('\n');
      for (String line : r.outcome().output()) {
        out.append("    ").append(line).append('\n');
      }
      if (!r.outcome().completed()) {
        out.append("    # ").append(r.outcome().failure()).append('\n');
        for (String line : r.outcome().stderrTail()) {
          out.append("    # stderr: ").append(line).append('\n');
        }
      }
      out.append(r.passed() ? "ok " : "not ok ")
          .append(n)
          .append(" - ")
          .append(r.name())
          .append('\n');
    }
    return out.toString();
  }
}
