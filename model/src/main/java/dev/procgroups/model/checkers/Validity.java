package dev.procgroups.model.checkers;

/** A checker's verdict, as Jepsen gives it: true, false, or {@code :unknown}. */
public enum Validity {
  /** Everything checked held. */
  VALID,
  /** At least one problem, listed with the operations that show it. */
  INVALID,
  /** Nothing could be checked (no observations survived), so no verdict either way. */
  UNKNOWN
}
