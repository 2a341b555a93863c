package dev.procgroups.model;

import java.util.Objects;

/**
 * An error result: its kind and a human-readable message. For INVALID arguments the message starts
 * with the argument's name ({@code group}, {@code topic}, {@code group[3]}, {@code payload}, or a
 * scope config key), then a colon. Compare kinds; messages are informative.
 */
public record PgError(ErrorKind kind, String message) {

  public PgError {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /** The argument an INVALID message names, i.e. the text before the first colon. */
  public String argument() {
    int colon = message.indexOf(':');
    return colon < 0 ? "" : message.substring(0, colon);
  }

  @Override
  public String toString() {
    return kind.luaName() + ": " + message;
  }
}
