package dev.procgroups.model;

import dev.procgroups.model.cluster.Views;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Collects the mismatches of one example run; each check names what it looked at. */
public final class ExampleRun {

  private final List<String> mismatches = new ArrayList<>();

  public void expect(String what, Object expected, Object actual) {
    if (!Objects.equals(expected, actual)) {
      fail(what + ": expected " + expected + " but was " + actual);
    }
  }

  /** The result must be a success with exactly this value. */
  public void expectOk(String what, Object expected, Result result) {
    expect(what, Result.ok(expected), result);
  }

  /** The result must be a failure of this kind. */
  public void expectError(String what, ErrorKind kind, Result result) {
    if (result.errorKind() != kind) {
      fail(what + ": expected error " + kind + " but was " + result);
    }
  }

  /** The PID lists must be equal as multisets (member order across nodes is unspecified). */
  @SuppressWarnings("unchecked")
  public void expectMembers(String what, List<String> expected, Object actual) {
    if (!(actual instanceof List) || !Views.sameMembers(expected, (List<String>) actual)) {
      fail(what + ": expected members " + expected + " (any order) but was " + actual);
    }
  }

  public void fail(String mismatch) {
    mismatches.add(mismatch);
  }

  public List<String> mismatches() {
    return List.copyOf(mismatches);
  }
}
