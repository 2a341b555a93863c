package dev.procgroups.pg;

import java.util.Objects;

/** The one way a pg call fails: a kind from the spec's error table and a message for people. */
public final class PgException extends Exception {

  private final ErrorKind kind;

  public PgException(ErrorKind kind, String message) {
    super(message, null, false, false);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public ErrorKind kind() {
    return kind;
  }

  public boolean retryable() {
    return kind.retryable();
  }

  static PgException invalid(String message) {
    return new PgException(ErrorKind.INVALID, message);
  }

  @Override
  public String toString() {
    return kind.luaName() + ": " + getMessage();
  }
}
