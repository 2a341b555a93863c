package dev.procgroups.lua;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Starts the thread a Lua process runs on: a virtual thread on JDK 21+ (found by reflection, since
 * the code is compiled for 17), else a platform daemon thread.
 */
public final class LuaThreads {

  private static final MethodHandle START_VIRTUAL = findStartVirtual();
  private static final MethodHandle IS_VIRTUAL = findIsVirtual();
  private static final long PAUSE_NANOS = 1_000;

  private LuaThreads() {}

  /** True if processes get virtual threads on this JVM. */
  public static boolean virtual() {
    return START_VIRTUAL != null;
  }

  /** Starts {@code body} on a new thread named {@code name}. */
  public static Thread start(String name, Runnable body) {
    if (START_VIRTUAL != null) {
      try {
        Thread t = (Thread) START_VIRTUAL.invoke(body);
        t.setName(name);
        return t;
      } catch (Throwable e) {
        throw new IllegalStateException("cannot start a virtual thread", e);
      }
    }
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

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
      return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual",
          MethodType.methodType(boolean.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }

  private static MethodHandle findStartVirtual() {
    try {
      return MethodHandles.publicLookup().findStatic(Thread.class, "startVirtualThread",
          MethodType.methodType(Thread.class, Runnable.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }
}
