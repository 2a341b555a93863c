package dev.procgroups.lua;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.luaj.vm2.LuaClosure;
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
 */
public final class InstructionBudget extends DebugLib {

  /** Instructions between checkpoints. */
  public static final int SLICE = 10_000;

  private int sinceCheckpoint;
  private volatile boolean killed;
  /** Why the process stops, when it is not a kill from outside (the memory guard). */
  private volatile Error failure;
  private final MemoryGuard memory;
  /** Threads of this process blocked in a runtime call: the main one or a coroutine's. */
  private final Set<Thread> blocked = ConcurrentHashMap.newKeySet();

  public InstructionBudget() {
    this(MemoryGuard.standard());
  }

  public InstructionBudget(MemoryGuard memory) {
    this.memory = memory;
  }

  /** A runtime call that may block. */
  @FunctionalInterface
  public interface BlockingCall<T> {
    T run() throws InterruptedException;
  }

  /**
   * Asks the process to stop: at its next instruction, and, for threads of it blocked in a
   * runtime call (a coroutine's thread too, which the runtime's interrupt does not reach), at once.
   */
  public void kill() {
    killed = true;
    blocked.forEach(Thread::interrupt);
  }

  /**
   * Runs a blocking runtime call for this process. A kill interrupts it; the call's
   * {@link InterruptedException} then becomes a {@link ProcessKilledError}, which no script can
   * catch.
   */
  public <T> T block(BlockingCall<T> call) {
    Thread self = Thread.currentThread();
    blocked.add(self);
    try {
      throwIfKilled(); // after registering: a kill either sees this thread or is seen here
      return call.run();
    } catch (InterruptedException e) {
      killed = true;
      throw stopError();
    } finally {
      blocked.remove(self);
    }
  }

  /** Stops the process at its next instruction with {@code reason}, which no script can catch. */
  void fail(Error reason) {
    failure = reason;
    kill();
  }

  public boolean killed() {
    return killed;
  }

  /** Stops the calling process if it was killed, else lets other threads run. */
  public void checkpoint() {
    throwIfKilled();
    memory.check(this);
    throwIfKilled();
    LuaThreads.letOthersRun();
    throwIfKilled();
  }

  /** Stops the calling process if it was killed. */
  public void throwIfKilled() {
    if (killed) {
      throw stopError();
    }
  }

  private Error stopError() {
    Error reason = failure;
    return reason != null ? reason : new ProcessKilledError();
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
