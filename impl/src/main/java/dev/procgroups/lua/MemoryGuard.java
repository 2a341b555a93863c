package dev.procgroups.lua;

import java.lang.management.ManagementFactory;

/**
 * Stops a Lua process that keeps allocating while the heap is nearly full, before the JVM runs out
 * of memory for every thread (a Lua table or string cannot be bounded inside LuaJ).
 *
 * <p>How: at each instruction checkpoint ({@link InstructionBudget#SLICE} instructions) the
 * process's thread reads the heap's use. Below {@code pressureBytes} it only notes how much the
 * thread has allocated so far. Above, a thread that has allocated more than {@code allowance}
 * bytes since it last saw the heap below the mark fails its process with "not enough memory"
 * (an {@link Error} no script can catch). A garbage collection that brings the heap back below
 * the mark resets the count, so ordinary processes are not charged for others' garbage.
 * Per-thread allocation comes from HotSpot's {@code com.sun.management.ThreadMXBean}; where the
 * JVM cannot measure it for the current thread (some virtual-thread JDKs) the guard does nothing.
 * A single allocation larger than what is left (one instruction growing a huge table) is not
 * caught: the checkpoint comes too late for it.
 */
public final class MemoryGuard {
  private static final com.sun.management.ThreadMXBean THREADS = allocationMeter();

  private final long pressureBytes;
  private final long allowance;
  private final ThreadLocal<long[]> baseline = ThreadLocal.withInitial(() -> new long[] {-1});

  private MemoryGuard(long pressureBytes, long allowance) {
    this.pressureBytes = pressureBytes;
    this.allowance = allowance;
  }

  /** Pressure above 85 % of the maximum heap; a thread may then allocate 10 % of it. */
  public static MemoryGuard standard() {
    long max = Runtime.getRuntime().maxMemory();
    return new MemoryGuard(max / 100 * 85, max / 10);
  }

  /** Pressure above {@code pressureBytes} of heap use; a thread may then allocate {@code allowance}. */
  public static MemoryGuard of(long pressureBytes, long allowance) {
    if (pressureBytes <= 0 || allowance <= 0) {
      throw new IllegalArgumentException("need positive bytes");
    }
    return new MemoryGuard(pressureBytes, allowance);
  }

  /** Called by the process's own thread at a checkpoint; fails the process if it is the bomb. */
  void check(InstructionBudget process) {
    if (THREADS == null) {
      return;
    }
    long allocated = THREADS.getCurrentThreadAllocatedBytes();
    if (allocated < 0) {
      return;
    }
    long[] since = baseline.get();
    Runtime rt = Runtime.getRuntime();
    if (since[0] < 0 || rt.totalMemory() - rt.freeMemory() < pressureBytes) {
      since[0] = allocated;
    } else if (allocated - since[0] > allowance) {
      process.fail(new OutOfLuaMemoryError());
    }
  }

  private static com.sun.management.ThreadMXBean allocationMeter() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
        && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled()) {
      return t;
    }
    return null;
  }

  /** The uncatchable failure of a process stopped by the guard. */
  static final class OutOfLuaMemoryError extends Error {
    private static final long serialVersionUID = 1L;

    OutOfLuaMemoryError() {
      super("not enough memory", null, false, false);
    }
  }
}
