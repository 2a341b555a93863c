package dev.procgroups.process;

import java.util.Objects;

/** Why a process ended. */
public sealed interface ExitReason {

  ExitReason NORMAL = new Normal();
  ExitReason KILLED = new Killed();

  /** The body returned. */
  record Normal() implements ExitReason {
    @Override
    public String toString() {
      return "normal";
    }
  }

  /** The process was killed before its body ended (however the body then ended). */
  record Killed() implements ExitReason {
    @Override
    public String toString() {
      return "killed";
    }
  }

  /** The body threw. */
  record Failed(Throwable error) implements ExitReason {
    public Failed {
      Objects.requireNonNull(error, "error");
    }

    @Override
    public String toString() {
      return "failed: " + error;
    }
  }
}
