package dev.procgroups.model.node;

import dev.procgroups.model.ErrorKind;
import dev.procgroups.model.PgError;

/**
 * Thrown inside a step when a check fails; the step function turns it into a failed result and
 * keeps the old state, which is what makes every failure change nothing.
 */
final class Rejection extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final transient PgError error;

  Rejection(ErrorKind kind, String message) {
    super(message, null, false, false);
    this.error = new PgError(kind, message);
  }

  PgError error() {
    return error;
  }
}
