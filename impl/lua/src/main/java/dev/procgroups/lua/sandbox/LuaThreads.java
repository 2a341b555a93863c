package dev.procgroups.lua.sandbox;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Thread helpers for the instruction hook; {@code Thread.isVirtual} (JDK 21) is found by a method
 * handle since the code is compiled for 17.
 */
public final class LuaThreads {

  private static final MethodHandle IS_VIRTUAL = findIsVirtual();
  private static final long PAUSE_NANOS = 1_000;

  private LuaThreads() {}

  /**
   * Lets other threads run. A virtual thread parks for a moment: {@link Thread#yield()} puts it
   * back in its carrier's own queue ahead of newly started threads, which then never run while
   * every carrier is busy. A platform thread only yields (the OS preempts it anyway).
   */
  public static void letOthersRun() {
    if (isCurrentVirtual()) {
      java.util.concurrent.locks.LockSupport.parkNanos(PAUSE_NANOS);
    } else {
      Thread.yield();
    }
  }

  private static boolean isCurrentVirtual() {
    if (IS_VIRTUAL == null) {
      return false;
    }
    try {
      return (boolean) IS_VIRTUAL.invokeExact(Thread.currentThread());
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static MethodHandle findIsVirtual() {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }
}
