package dev.procgroups.lua.sandbox;

import org.luaj.vm2.LuaError;

/**
 * The bounds on single allocations of Lua values, checked before the memory is taken, and the count
 * of what each process allocates, for its {@link MemoryGuard} account (the guard's checkpoints come
 * too late for one instruction that builds a huge string or array). {@link LuaJPatch} makes LuaJ's
 * {@code LuaString}, {@code Buffer} and {@code LuaTable} call {@link #text} or {@link #array}
 * before each array they allocate and {@link #string} in the string constructor; the binding's own
 * library functions call {@link #reserve} and {@link #checkLength}.
 *
 * <ul>
 *   <li>Per string: at most {@value #MAX_STRING_BYTES} bytes, else the Lua error {@value
 *       #TOO_LARGE} (a {@code pcall} can catch it). A byte or char array of LuaJ may be twice that:
 *       {@code Buffer} doubles its capacity while it builds a string, and the string is checked
 *       when it is made.
 *   <li>Per process: every allocation is counted to the running process's account: an array's
 *       bytes, its header, and for strings the string object ({@value #STRING_OBJECT_BYTES} bytes),
 *       for reference arrays (table parts) a value per slot ({@value #SLOT_BYTES} bytes: the
 *       reference and a boxed number or table entry it typically holds). Not exact, but the same on
 *       every thread. An allocation of {@value #LARGE_BYTES} bytes or more is checked before it
 *       happens, and fails with "not enough memory" when it would take the heap over the guard's
 *       mark beyond the process's allowance.
 * </ul>
 *
 * A thread running no Lua process (a test, the payload codec) is only held to the string bound.
 *
 * <p>Public because the patched LuaJ classes, in another package, call it.
 */
public final class LuaAllocations {

  /** The largest Lua string, in bytes (64 MiB). */
  public static final int MAX_STRING_BYTES = 64 << 20;

  /** Allocations from this size on are checked by the memory guard before they happen. */
  static final int LARGE_BYTES = 1 << 20;

  static final String TOO_LARGE = "string too large (over 64 MiB)";

  /** A reference in an array and the value object it points to, as counted for table parts. */
  static final int SLOT_BYTES = 20;

  /** A LuaString object and its array's header. */
  static final int STRING_OBJECT_BYTES = 40;

  private static final int ARRAY_HEADER_BYTES = 16;
  private static final long MAX_STRING_ARRAY = 2L * MAX_STRING_BYTES;

  /** The process whose Lua runs on each thread (see {@link InstructionBudget#current()}). */
  static final ThreadLocal<InstructionBudget> RUNNING = new ThreadLocal<>();

  private LuaAllocations() {}

  /** Before LuaJ allocates a byte or char array (string contents) of {@code count} elements. */
  public static void text(int count, int elementBytes) {
    if (count > MAX_STRING_ARRAY) {
      throw new LuaError(TOO_LARGE);
    }
    reserve((long) count * elementBytes + STRING_OBJECT_BYTES);
  }

  /** Before LuaJ allocates any other array: {@code count} elements of {@code elementBytes}. */
  public static void array(int count, int elementBytes) {
    reserve((long) count * elementBytes + ARRAY_HEADER_BYTES);
  }

  /** In LuaJ's string constructor: no string longer than the bound; G1 tracks large arrays. */
  public static void string(byte[] bytes, int length) {
    checkLength(length);
    if (bytes.length >= LARGE_BYTES / 2) {
      HeapUse.track(bytes);
    }
  }

  /** Fails with {@value #TOO_LARGE} if a string of {@code length} bytes is over the bound. */
  static void checkLength(long length) {
    if (length > MAX_STRING_BYTES) {
      throw new LuaError(TOO_LARGE);
    }
  }

  /**
   * A byte array for a string the binding builds itself, counted as {@link #reserve} does. If the
   * JVM finds no room for it all the same (G1 needs contiguous free regions for a large array, and
   * the free heap can be fragmented below the guard's mark), it fails with "not enough memory", as
   * Lua does when an allocation fails: the array was never made, so the node is not short of
   * memory.
   */
  static byte[] bytes(int length) {
    reserve(length);
    try {
      return new byte[length];
    } catch (OutOfMemoryError e) {
      InstructionBudget process = InstructionBudget.current();
      if (process == null) {
        throw e;
      }
      throw process.outOfMemory();
    }
  }

  /** Counts {@code bytes} about to be allocated to the process running on this thread, if any. */
  static void reserve(long bytes) {
    InstructionBudget process = RUNNING.get();
    if (process != null) {
      process.reserve(bytes);
    }
  }
}
