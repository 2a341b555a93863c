package dev.procgroups.daemon.control;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every control reply: {@code {"ok":true,"value":...}}, or {@code {"ok":false,
 * "error":{"kind":"Invalid","message":"..."}}} when the pg call returned an error (the call changed
 * nothing; the history records it as {@code :fail}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reply(boolean ok, Object value, PgError error) {

  /** A pg error: the kind as Lua sees it ({@code errors.INVALID == "Invalid"}) and the message. */
  public record PgError(String kind, String message) {}

  public static Reply value(Object value) {
    return new Reply(true, value, null);
  }

  public static Reply error(String kind, String message) {
    return new Reply(false, null, new PgError(kind, message));
  }
}
