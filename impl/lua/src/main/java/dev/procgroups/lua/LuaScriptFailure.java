package dev.procgroups.lua;

/**
 * A Lua process failed: its script did not compile, or its chunk returned {@code nil, err}. The
 * message is what a person needs (the script name and the error's text).
 */
public final class LuaScriptFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LuaScriptFailure(String message) {
    super(message, null, false, false);
  }
}
