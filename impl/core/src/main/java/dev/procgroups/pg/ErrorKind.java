package dev.procgroups.pg;

/**
 * The kinds of error a pg call can fail with. {@link #luaName()} is the string of the Lua {@code
 * errors} table ({@code errors.INVALID == "Invalid"}).
 */
public enum ErrorKind {
  INVALID("Invalid", false),
  NOT_FOUND("NotFound", false),
  PERMISSION_DENIED("PermissionDenied", false),
  /** A stopped scope or a full queue: the same call may succeed later. */
  UNAVAILABLE("Unavailable", true),
  INTERNAL("Internal", false),
  /** A scope limit was hit: the call may succeed once members leave. */
  RATE_LIMITED("RateLimited", true);

  private final String luaName;
  private final boolean retryable;

  ErrorKind(String luaName, boolean retryable) {
    this.luaName = luaName;
    this.retryable = retryable;
  }

  public String luaName() {
    return luaName;
  }

  public boolean retryable() {
    return retryable;
  }
}
