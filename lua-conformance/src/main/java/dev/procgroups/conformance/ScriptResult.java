package dev.procgroups.conformance;

/** One script's run on one cluster size, or the reason it was skipped ({@code outcome} null). */
public record ScriptResult(
    ConformanceScript script, int nodes, ScriptOutcome outcome, String skipped) {

  public boolean passed() {
    return skipped != null || outcome.passed();
  }

  public boolean failed() {
    return !passed();
  }

  /** "pass", "fail" or "skip". */
  public String status() {
    return skipped != null ? "skip" : passed() ? "pass" : "fail";
  }

  /** The case's name in reports: its id and the cluster size. */
  public String name() {
    return script.id() + " [" + nodes + " node" + (nodes == 1 ? "" : "s") + "]";
  }
}
