package dev.procgroups.conformance;

/** One script's run on one cluster size, or the reason it was skipped ({@code outcome} null). */
public record ScriptResult(ConformanceScript script, int nodes, ScriptOutcome outcome, String skipped) {

  public boolean passed() {
    return skipped != null || outcome.passed();
  }
}
