package dev.procgroups.model.checkers;

/** How a client call ended: took effect, definitely did not, or unknown (timeout, crash). */
public enum Outcome {
  OK,
  FAIL,
  INFO;

  /** True unless the call definitely had no effect. */
  public boolean mayHaveHappened() {
    return this != FAIL;
  }
}
