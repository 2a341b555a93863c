package dev.procgroups.lua;

import java.util.Arrays;
import java.util.Optional;

/** The error kinds of the Lua API, with the strings scripts compare against ({@code errors.*}). */
public enum ErrorKind {
  INVALID("Invalid", false),
  NOT_FOUND("NotFound", false),
  PERMISSION_DENIED("PermissionDenied", false),
  UNAVAILABLE("Unavailable", true),
  INTERNAL("Internal", false),
  RATE_LIMITED("RateLimited", true);

  private final String luaName;
  private final boolean retryable;

  ErrorKind(String luaName, boolean retryable) {
    this.luaName = luaName;
    this.retryable = retryable;
  }

  /** The string a script sees, such as {@code "NotFound"}. */
  public String luaName() {
    return luaName;
  }

  /** Whether trying the same call again later may succeed (an unavailable scope, a rate limit). */
  public boolean retryable() {
    return retryable;
  }

  public static Optional<ErrorKind> fromLuaName(String name) {
    return Arrays.stream(values()).filter(k -> k.luaName.equals(name)).findFirst();
  }
}
