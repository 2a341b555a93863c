package dev.procgroups.lua;

/**
 * Runs a blocking runtime call for a Lua process. A kill interrupts the process's thread; the
 * call's {@link InterruptedException} then becomes a {@link ProcessKilledError}, which no script
 * can catch.
 */
final class Blocking {

  /** A call that may block. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws InterruptedException;
  }

  private Blocking() {}

  static <T> T call(InstructionBudget budget, Call<T> call) {
    budget.throwIfKilled();
    try {
      return call.run();
    } catch (InterruptedException e) {
      budget.kill();
      throw new ProcessKilledError();
    }
  }
}
