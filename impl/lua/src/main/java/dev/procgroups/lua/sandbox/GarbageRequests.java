package dev.procgroups.lua.sandbox;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Lua's {@code collectgarbage("collect")} for the whole JVM: a full collection at most once per
 * {@value #MIN_INTERVAL_MILLIS} ms, whoever asks. The JVM has one heap for every process, so a
 * collection is a pause for all of them: a script asking in a loop gets the one collection of the
 * interval, not one each. What it is for: abandoned coroutines (each holds a thread) and garbage
 * the memory guard's reading still counts are only freed by a collection.
 */
final class GarbageRequests {
  static final long MIN_INTERVAL_MILLIS = 1_000;

  private static final AtomicLong LAST =
      new AtomicLong(System.nanoTime() - 2 * MIN_INTERVAL_MILLIS * 1_000_000);

  private GarbageRequests() {}

  /** Collects now unless a collection was asked for within the interval. */
  static void collect() {
    long now = System.nanoTime();
    long last = LAST.get();
    if (now - last >= MIN_INTERVAL_MILLIS * 1_000_000 && LAST.compareAndSet(last, now)) {
      System.gc(); // bounded: once per interval for the JVM
    }
  }
}
