package dev.procgroups.daemon.control;

/** A pg call returned an error; carried to the client as {@link Reply.PgError}. */
public final class PgCallException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String kind;

  public PgCallException(String kind, String message) {
    super(message);
    this.kind = kind;
  }

  public String kind() {
    return kind;
  }
}
