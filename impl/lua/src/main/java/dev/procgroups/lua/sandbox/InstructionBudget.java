package dev.procgroups.lua.sandbox;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.DebugLib;

/**
 * The instruction-count hook of one Lua process. LuaJ calls {@code globals.debuglib} on every
 * instruction; installed there (and never exposed as the {@code debug} library) it counts, and
 * every {@link #SLICE} instructions it stops the process if it was killed and otherwise yields its
 * thread. Virtual threads are not preempted: without the yield, a few busy scripts starve every
 * other process on the same carriers, and without the kill check a busy loop cannot be stopped.
 *
 * <p>One process runs Lua on one thread at a time (coroutines hand over with wait/notify), so the
 * counter needs no synchronization; the kill flag is volatile because other threads set it.
 *
 * <p>Create it after {@link LuaJPatch#ensureInstalled()} (as {@code LuaNode} does): it is a LuaJ
 * class, and linking it loads the LuaJ classes the patch replaces.
 *
 * <p>It is also the process's identity on its threads ({@link #current()}), for the checks {@link
 * LuaAllocations} makes inside LuaJ, and it knows its coroutines' threads: LuaJ leaves a suspended
 * coroutine's thread waiting until the garbage collector finds the coroutine unreachable, so a
 * kill, or the process's end ({@link #end()}), interrupts them, which ends them.
 */
public final class InstructionBudget extends DebugLib {

  /** Instructions between checkpoints. */
  public static final int SLICE = 10_000;

  /** Lua 5.2's message for a refused allocation. */
  public static final String OUT_OF_MEMORY = "not enough memory";

  /**
   * The process on each thread. Not a field of this class: initializing it initializes LuaJ's value
   * classes, whose constants already allocate through {@link LuaAllocations}.
   */
  private static final ThreadLocal<InstructionBudget> CURRENT = LuaAllocations.RUNNING;

  private int sinceCheckpoint;
  private volatile boolean killed;
  private final MemoryGuard.Account memory;

  /** Threads of this process blocked in a runtime call: the main one or a coroutine's. */
  private final Set<Thread> blocked = ConcurrentHashMap.newKeySet();

  /** Threads of this process's started, unfinished coroutines. */
  private final Set<Thread> coroutines = ConcurrentHashMap.newKeySet();

  public InstructionBudget() {
    this(MemoryGuard.standard());
  }

  public InstructionBudget(MemoryGuard memory) {
    this.memory = memory.open();
  }

  /** The process whose Lua runs on the calling thread, or null. */
  static InstructionBudget current() {
    return CURRENT.get();
  }

  /** Makes the calling thread the process's main thread, until {@link #end()}. */
  public void begin() {
    CURRENT.set(this);
  }

  /**
   * The process has ended (normally or not): stops what is left of it, so its coroutines' threads
   * end now, and releases the calling thread.
   */
  public void end() {
    kill();
    CURRENT.remove();
  }

  /** Runs a coroutine's body on the coroutine's own thread, as a thread of this process. */
  <T> T runCoroutine(Supplier<T> body) {
    Thread self = Thread.currentThread();
    coroutines.add(self);
    CURRENT.set(this);
    try {
      throwIfKilled(); // after registering: a kill either sees this thread or is seen here
      return body.get();
    } finally {
      CURRENT.remove();
      coroutines.remove(self);
    }
  }

  /**
   * Before an allocation of {@code bytes} on a thread of this process: counts it, and if it is
   * large or the account is due a look, fails it with "not enough memory" when the memory guard
   * refuses it.
   */
  void reserve(long bytes) {
    boolean due = memory.add(HeapUse.footprint(bytes));
    boolean large = bytes >= LuaAllocations.LARGE_BYTES;
    if ((large || due) && memory.over(large ? bytes : 0)) {
      throw outOfMemory();
    }
  }

  /**
   * The error of an allocation the memory guard (or the JVM) refused: an ordinary Lua error, as in
   * Lua 5.2, with no position. The process's account stays charged.
   */
  LuaError outOfMemory() {
    return new LuaError(OUT_OF_MEMORY, 0);
  }

  /** A runtime call that may block. */
  @FunctionalInterface
  public interface BlockingCall<T> {
    T run() throws InterruptedException;
  }

  /**
   * Asks the process to stop: at its next instruction, and, for threads of it blocked in a runtime
   * call or in a suspended coroutine (threads the runtime's interrupt does not reach), at once: an
   * interrupted coroutine thread throws LuaJ's {@code OrphanedThread} and ends.
   */
  public void kill() {
    killed = true;
    blocked.forEach(Thread::interrupt);
    coroutines.forEach(Thread::interrupt);
  }

  /**
   * Runs a blocking runtime call for this process. A kill interrupts it; the call's {@link
   * InterruptedException} then becomes a {@link ProcessKilledError}, which no script can catch.
   */
  public <T> T block(BlockingCall<T> call) {
    Thread self = Thread.currentThread();
    blocked.add(self);
    try {
      throwIfKilled(); // after registering: a kill either sees this thread or is seen here
      return call.run();
    } catch (InterruptedException e) {
      killed = true;
      throw new ProcessKilledError();
    } finally {
      blocked.remove(self);
    }
  }

  public boolean killed() {
    return killed;
  }

  /** Stops the calling process if it was killed, else lets other threads run. */
  public void checkpoint() {
    throwIfKilled();
    if (memory.over(0)) {
      throw outOfMemory();
    }
    LuaThreads.letOthersRun();
    throwIfKilled();
  }

  /**
   * For long loops inside LuaJ that run no Lua instruction (pattern matching, the compiler), which
   * {@link LuaJPatch} makes call this: stops the process running on the calling thread if it was
   * killed. Cheap when not: a kill interrupts the process's threads, so only an interrupted thread
   * looks further.
   */
  public static void stopIfKilledHere() {
    if (Thread.currentThread().isInterrupted()) {
      InstructionBudget process = CURRENT.get();
      if (process != null) {
        process.throwIfKilled();
      }
    }
  }

  /** Stops the calling process if it was killed. */
  public void throwIfKilled() {
    if (killed) {
      throw new ProcessKilledError();
    }
  }

  @Override
  public void onInstruction(int pc, Varargs v, int top) {
    // The kill is checked on every instruction: a checkpoint may fall inside a coroutine, which
    // only fails that coroutine's resume, so the next instruction of the caller must stop too.
    if (killed || ++sinceCheckpoint >= SLICE) {
      sinceCheckpoint = 0;
      checkpoint();
    }
  }

  // The debug library's call-stack bookkeeping is not needed: nothing here reads it.
  @Override
  public void onCall(LuaFunction f) {
    // no call stack kept
  }

  @Override
  public void onCall(LuaClosure c, Varargs varargs, LuaValue[] stack) {
    // no call stack kept
  }

  @Override
  public void onReturn() {
    // no call stack kept
  }

  @Override
  public String traceback(int level) {
    return "";
  }
}
