package dev.procgroups.model;

import java.util.Objects;

/**
 * What a call returns: a value (the documented success values) or an error. A Lua binding turns
 * {@link Failed} into {@code nil, err} (or {@code nil, nil, err} for monitor/events).
 */
public sealed interface Result {

  /** Success with the call's value (see {@code NodeCall} for each call's value type). */
  record Ok(Object value) implements Result {}

  /** Failure with an error; the state did not change. */
  record Failed(PgError error) implements Result {
    public Failed {
      Objects.requireNonNull(error, "error");
    }
  }

  static Result ok(Object value) {
    return new Ok(value);
  }

  static Result failed(ErrorKind kind, String message) {
    return new Failed(new PgError(kind, message));
  }

  default boolean isOk() {
    return this instanceof Ok;
  }

  /** The success value; throws if this is a failure. */
  default Object value() {
    if (this instanceof Ok) {
      return ((Ok) this).value();
    }
    throw new IllegalStateException("not ok: " + this);
  }

  /** The error; throws if this is a success. */
  default PgError error() {
    if (this instanceof Failed) {
      return ((Failed) this).error();
    }
    throw new IllegalStateException("not failed: " + this);
  }

  /** The error kind, or null on success. */
  default ErrorKind errorKind() {
    return this instanceof Failed ? ((Failed) this).error().kind() : null;
  }
}
