package dev.procgroups.lua.sandbox;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Stops a Lua process that keeps allocating while the heap is nearly full, before the JVM runs out
 * of memory for every thread.
 *
 * <p>How: each process has an {@link Account} of the bytes its threads (its main thread and its
 * coroutines' threads) have allocated since the heap was last seen below {@code pressureBytes}.
 * The account is brought up to date at each instruction checkpoint
 * ({@link InstructionBudget#SLICE} instructions) and before each allocation of at least
 * {@link LuaAllocations#LARGE_BYTES} (one string or array built in one step, see
 * {@link LuaAllocations}), which is then counted as if made. When the heap (with that allocation,
 * counted twice there for G1's contiguous regions) is over the mark and the account over
 * {@code allowance}, the process fails with "not enough memory" (an {@link Error} no script can
 * catch). A heap below the mark empties the account, so
 * ordinary processes are not charged for others' garbage. Per-thread allocation comes from
 * HotSpot's {@code com.sun.management.ThreadMXBean}; where the JVM cannot measure it for the
 * current thread the guard does nothing.
 */
public final class MemoryGuard {
  private static final com.sun.management.ThreadMXBean THREADS = allocationMeter();

  private final long pressureBytes;
  private final long allowance;

  private MemoryGuard(long pressureBytes, long allowance) {
    this.pressureBytes = pressureBytes;
    this.allowance = allowance;
  }

  /** Pressure above 85 % of the maximum heap; a process may then allocate 10 % of it. */
  public static MemoryGuard standard() {
    long max = Runtime.getRuntime().maxMemory();
    return new MemoryGuard(max / 100 * 85, max / 10);
  }

  /** Pressure above {@code pressureBytes} of heap use; a process may then allocate {@code allowance}. */
  public static MemoryGuard of(long pressureBytes, long allowance) {
    if (pressureBytes <= 0 || allowance <= 0) {
      throw new IllegalArgumentException("need positive bytes");
    }
    return new MemoryGuard(pressureBytes, allowance);
  }

  /** A new account, for one process. */
  Account open() {
    return new Account();
  }

  private static com.sun.management.ThreadMXBean allocationMeter() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
        && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled()) {
      return t;
    }
    return null;
  }

  /**
   * What one process has allocated under pressure. Its threads run Lua one at a time, but hand
   * over between threads: the methods are synchronized (never contended).
   */
  final class Account {
    /** Each thread's allocation counter when the account last looked at it. */
    private final Map<Thread, long[]> seen = new WeakHashMap<>();
    private long charged;

    private Account() {}

    /**
     * Brings the account up to date with the calling thread (a thread seen for the first time is
     * charged from now on) and tells whether the process, once it has allocated {@code pending}
     * more bytes, is over its allowance.
     */
    synchronized boolean over(long pending) {
      if (THREADS == null) {
        return false;
      }
      long allocated = THREADS.getCurrentThreadAllocatedBytes();
      if (allocated < 0) {
        return false;
      }
      long[] last = seen.computeIfAbsent(Thread.currentThread(), t -> new long[] {allocated});
      charged += allocated - last[0];
      last[0] = allocated;
      Runtime rt = Runtime.getRuntime();
      // A pending allocation needs its size again as headroom: G1 puts an object of half a
      // region or more in contiguous whole regions and never moves it, so the free heap can be
      // too fragmented for it well below the mark (a CI run met "Java heap space" there).
      if (rt.totalMemory() - rt.freeMemory() + 2 * pending < pressureBytes) {
        charged = 0;
        return false;
      }
      return charged + pending > allowance;
    }
  }

  /** The uncatchable failure of a process stopped by the guard. */
  static final class OutOfLuaMemoryError extends Error {
    private static final long serialVersionUID = 1L;

    OutOfLuaMemoryError() {
      super("not enough memory", null, false, false);
    }
  }
}
