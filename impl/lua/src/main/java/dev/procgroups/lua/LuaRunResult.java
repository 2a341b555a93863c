package dev.procgroups.lua;

import java.util.Optional;

/**
 * How a script run ended: its status, everything printed (by it and the processes it spawned on the
 * same node) while it ran, and the error text when it failed.
 */
public record LuaRunResult(Status status, String output, Optional<String> error) {

  /** The outcome, with the exit code a command line reports for it. */
  public enum Status {
    /** The script returned (and not {@code nil, err}). */
    OK(0),
    /** It raised an error, returned {@code nil, err}, or did not compile. */
    FAILED(1),
    /** Something killed it. */
    KILLED(137),
    /** It ran longer than allowed and was killed. */
    TIMED_OUT(124);

    private final int exitCode;

    Status(int exitCode) {
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }
  }

  public boolean ok() {
    return status == Status.OK;
  }
}
