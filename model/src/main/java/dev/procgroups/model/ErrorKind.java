package dev.procgroups.model;

/** The error kinds of the Lua {@code errors} table (SEMANTICS.md, "Results and errors"). */
public enum ErrorKind {
  INVALID("Invalid"),
  NOT_FOUND("NotFound"),
  PERMISSION_DENIED("PermissionDenied"),
  UNAVAILABLE("Unavailable"),
  INTERNAL("Internal"),
  RATE_LIMITED("RateLimited");

  private final String luaName;

  ErrorKind(String luaName) {
    this.luaName = luaName;
  }

  /** The string a Lua script sees, e.g. {@code errors.INVALID == "Invalid"}. */
  public String luaName() {
    return luaName;
  }
}
