package dev.procgroups.api;

import dev.procgroups.pg.ErrorKind;
import dev.procgroups.pg.PgException;

/** A failed call of the Java API: unchecked, with the spec's error kind. */
public final class GroupsException extends RuntimeException {

  private final ErrorKind kind;

  GroupsException(PgException cause) {
    super(cause.toString(), cause);
    this.kind = cause.kind();
  }

  /** The kind from the spec's error table (INVALID, NOT_FOUND, PERMISSION_DENIED, …). */
  public ErrorKind kind() {
    return kind;
  }

  /** True for UNAVAILABLE and RATE_LIMITED: the same call may succeed later. */
  public boolean retryable() {
    return kind.retryable();
  }

  /** Runs a call of the Lua-shaped API, turning its checked failure into this one. */
  static <T> T unchecked(PgCall<T> call) {
    try {
      return call.run();
    } catch (PgException e) {
      throw new GroupsException(e);
    }
  }

  /** A call of the Lua-shaped API. */
  @FunctionalInterface
  interface PgCall<T> {
    T run() throws PgException;
  }
}
