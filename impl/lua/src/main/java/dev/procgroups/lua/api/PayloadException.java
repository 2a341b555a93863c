package dev.procgroups.lua.api;

/** A value that cannot travel between processes (docs/DECISIONS.md, "Payload values"). */
public final class PayloadException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public PayloadException(String message) {
    super("payload: " + message);
  }
}
