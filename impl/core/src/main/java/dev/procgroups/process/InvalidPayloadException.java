package dev.procgroups.process;

/**
 * A payload value that cannot be copied between processes (docs/DECISIONS.md, "Arguments"). The pg
 * API and the Lua binding map it to an INVALID error; {@link #argument()} is the argument to name
 * in that error and the message says what was wrong and where.
 */
public final class InvalidPayloadException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidPayloadException(String message) {
    super(message);
  }

  /** The argument the error names: always {@code payload}. */
  public String argument() {
    return "payload";
  }
}
