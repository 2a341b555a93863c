package dev.procgroups.process;

/**
 * What other parts of a node (the pg API, the store) need of a live process: who it is, whether it
 * still runs, and a hook to clean up when it exits. Exit hooks run once, after the process's body
 * ends (normally, by exception or killed), in registration order.
 */
public interface ProcessHandle {
  Pid pid();

  boolean alive();

  /** Runs {@code hook} when the process exits; at once if it already has. */
  void onExit(Runnable hook);
}
