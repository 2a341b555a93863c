package dev.procgroups.lua.sandbox;

/**
 * Thrown into a Lua process's own thread to stop it. An {@link Error}, not a Lua error: neither
 * {@code pcall} nor the interpreter's exception wrapping may catch it, so a script cannot survive
 * its kill.
 */
public final class ProcessKilledError extends Error {
  private static final long serialVersionUID = 1L;

  public ProcessKilledError() {
    super("process killed", null, false, false);
  }
}
