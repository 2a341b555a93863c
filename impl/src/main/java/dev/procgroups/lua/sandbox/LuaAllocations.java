package dev.procgroups.lua.sandbox;

import org.luaj.vm2.LuaError;

/**
 * The bounds on single allocations of Lua values, checked before the memory is taken (the memory
 * guard's checkpoints come too late for one instruction that builds a huge string or array).
 * {@link LuaJPatch} makes LuaJ's {@code LuaString}, {@code Buffer} and {@code LuaTable} call
 * {@link #text} or {@link #array} before each array they allocate and {@link #string} in the
 * string constructor; the binding's own library functions call {@link #reserve} and
 * {@link #checkLength}.
 *
 * <ul>
 *   <li>Per string: at most {@value #MAX_STRING_BYTES} bytes, else the Lua error
 *       {@value #TOO_LARGE} (a {@code pcall} can catch it). A byte or char array of LuaJ may be
 *       twice that: {@code Buffer} doubles its capacity while it builds a string, and the string
 *       is checked when it is made.
 *   <li>Per process: an allocation of {@value #LARGE_BYTES} bytes or more is first charged to the
 *       running process's {@link MemoryGuard} account, which fails the process with "not enough
 *       memory" (no {@code pcall} catches it) when the allocation would take the heap over the
 *       guard's mark beyond the process's allowance.
 * </ul>
 * A thread running no Lua process (a test, the payload codec) is only held to the string bound.
 *
 * <p>Public because the patched LuaJ classes, in another package, call it.
 */
public final class LuaAllocations {

  /** The largest Lua string, in bytes (64 MiB). */
  public static final int MAX_STRING_BYTES = 64 << 20;
  /** Allocations from this size on are charged to the process before they happen. */
  static final int LARGE_BYTES = 1 << 20;
  static final String TOO_LARGE = "string too large (over 64 MiB)";
  /** A reference in an array, with compressed references (the default below 32 GiB of heap). */
  static final int REFERENCE_BYTES = 4;
  private static final long MAX_STRING_ARRAY = 2L * MAX_STRING_BYTES;

  private LuaAllocations() {}

  /** Before LuaJ allocates a byte or char array (string contents) of {@code count} elements. */
  public static void text(int count, int elementBytes) {
    if (count > MAX_STRING_ARRAY) {
      throw new LuaError(TOO_LARGE);
    }
    array(count, elementBytes);
  }

  /** Before LuaJ allocates any other array: {@code count} elements of {@code elementBytes}. */
  public static void array(int count, int elementBytes) {
    reserve((long) count * elementBytes);
  }

  /** In LuaJ's string constructor: no string longer than the bound. */
  public static void string(int length) {
    checkLength(length);
  }

  /** Fails with {@value #TOO_LARGE} if a string of {@code length} bytes is over the bound. */
  static void checkLength(long length) {
    if (length > MAX_STRING_BYTES) {
      throw new LuaError(TOO_LARGE);
    }
  }

  /**
   * A byte array for a string the binding builds itself, charged as {@link #reserve} does. If the
   * JVM finds no room for it all the same (G1 needs contiguous free regions for a large array,
   * and the free heap can be fragmented below the guard's mark), the process fails with "not
   * enough memory", as Lua does when an allocation fails: the array was never made, so the node
   * is not short of memory.
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

  /** Charges {@code bytes} about to be allocated to the process running on this thread, if any. */
  static void reserve(long bytes) {
    if (bytes < LARGE_BYTES) {
      return;
    }
    InstructionBudget process = InstructionBudget.current();
    if (process != null) {
      process.reserve(bytes);
    }
  }
}
