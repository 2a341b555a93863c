package dev.procgroups.lua.sandbox;

/**
 * Stops a Lua process that keeps allocating while the heap is nearly full, before the JVM runs out
 * of memory for every thread.
 *
 * <p>How: each process has an {@link Account} of the bytes it has allocated since the heap was last
 * seen below {@code pressureBytes}. Its threads (its main thread and its coroutines') count what
 * they allocate as LuaJ allocates it ({@link LuaAllocations}: every array LuaJ makes for strings
 * and tables, with an estimate of the objects around it), so the account works the same on platform
 * and virtual threads (where the JVM's per-thread allocation counter reads -1). The account is
 * checked at each instruction checkpoint ({@link InstructionBudget#SLICE} instructions), after each
 * {@link LuaAllocations#LARGE_BYTES} allocated, and before each allocation of at least that size.
 * When the heap ({@link HeapUse}: with G1's region tails, and a pending allocation counted twice
 * there for G1's contiguous regions) is over the mark and the account over {@code allowance}, the
 * allocation fails with the Lua error "not enough memory", which {@code pcall} catches as in Lua
 * 5.2; the account stays charged, so a script that retries fails again at once. A heap below the
 * mark empties the account, so ordinary processes are not charged for others' garbage.
 */
public final class MemoryGuard {
  private final long pressureBytes;
  private final long allowance;

  private MemoryGuard(long pressureBytes, long allowance) {
    this.pressureBytes = pressureBytes;
    this.allowance = allowance;
  }

  /**
   * Pressure from 20 % below what the collector leaves usable (the heap less G1's reserve: 70 % of
   * the maximum heap by default); a process may then allocate 10 % of the heap, so the guard
   * refuses before the collector's reserve is touched. (85 % and 10 % let the JVM fail first with
   * "Java heap space" on JDK 17 and 25 under G1: {@code MemoryGuardTest}.)
   */
  public static MemoryGuard standard() {
    long max = Runtime.getRuntime().maxMemory();
    return new MemoryGuard(max / 100 * (100 - HeapUse.RESERVED_PERCENT - 20), max / 10);
  }

  /**
   * Pressure above {@code pressureBytes} of heap use; a process may then allocate {@code
   * allowance}.
   */
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

  /**
   * What one process has allocated under pressure. Its threads run Lua one at a time and hand over
   * with wait/notify (which orders their writes), so the fields need no lock.
   */
  final class Account {
    /** Bytes the process's threads allocated, ever (an estimate, see {@link LuaAllocations}). */
    private long allocated;

    private long seen;
    private long charged;

    /** {@code allocated} when the process was last refused, or -1. */
    private long refusedAt = -1;

    private Account() {}

    /**
     * A thread of the process allocates {@code bytes}; true when the account is due a look ({@link
     * #over}): every {@link LuaAllocations#LARGE_BYTES} allocated, since one slice of instructions
     * between checkpoints can allocate tens of MiB.
     */
    boolean add(long bytes) {
      allocated += bytes;
      return allocated - seen >= LuaAllocations.LARGE_BYTES;
    }

    /**
     * Charges what was allocated since the last look, and tells whether the process is over its
     * allowance; {@code pending} bytes about to be allocated (already added) need room too. After a
     * refusal the process may still do light work (a script that caught the error reports it): it
     * is refused again once it asks for a large allocation or has allocated {@link
     * LuaAllocations#LARGE_BYTES} more.
     */
    boolean over(long pending) {
      charged += allocated - seen;
      seen = allocated;
      // A pending allocation needs its size again as headroom: G1 puts an object of half a
      // region or more in contiguous whole regions and never moves it, so the free heap can be
      // too fragmented for it well below the mark.
      if (HeapUse.used() + 2 * pending < pressureBytes) {
        charged = 0;
        return false;
      }
      if (charged <= allowance
          || pending < LuaAllocations.LARGE_BYTES
              && refusedAt >= 0
              && allocated - refusedAt < LuaAllocations.LARGE_BYTES) {
        return false;
      }
      refusedAt = allocated;
      return true;
    }
  }
}
