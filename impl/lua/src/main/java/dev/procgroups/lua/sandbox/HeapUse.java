package dev.procgroups.lua.sandbox;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.Cleaner;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap's use as the {@link MemoryGuard} reads it: what the JVM reports, plus, under G1, the
 * unused tails of the regions that hold Lua's large strings.
 *
 * <p>Why: G1 stores an object of half a region or more ("humongous") in whole regions of its own,
 * and reports only the object's size as used. Strings just over half a region (1 MiB with the 2 MiB
 * regions of a 4–8 GiB heap) fill the heap's regions while it reports about half of it used: the
 * JVM failed with "Java heap space" well below the guard's mark. Each such string's byte array is
 * tracked here from LuaJ's string constructor ({@link LuaAllocations#string}) until it is collected
 * (a {@link Cleaner} gives its tail back), so the reading follows the regions.
 */
final class HeapUse {
  private static final HotSpotDiagnosticMXBean VM =
      ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
  private static final boolean G1 = "true".equals(option("UseG1GC", "false"));

  /** G1's region size, or 0 under another collector (which has no such regions). */
  static final long REGION_BYTES = G1 ? Long.parseLong(option("G1HeapRegionSize", "0")) : 0;

  /**
   * The percentage of the heap the collector keeps free for itself: G1 keeps {@code
   * G1ReservePercent} (10 by default) to copy live objects into, and fails with "Java heap space"
   * when allocations eat into it.
   */
  static final int RESERVED_PERCENT = G1 ? Integer.parseInt(option("G1ReservePercent", "10")) : 0;

  /** An array's header, with compressed class pointers. */
  private static final int ARRAY_HEADER = 16;

  private static final AtomicLong TAILS = new AtomicLong();
  private static final Map<byte[], Boolean> TRACKED =
      Collections.synchronizedMap(new WeakHashMap<>()); // arrays compare by identity
  private static final Cleaner CLEANER = REGION_BYTES == 0 ? null : Cleaner.create();

  private HeapUse() {}

  /** Bytes in use: the JVM's figure and the tracked region tails. */
  static long used() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory() + TAILS.get();
  }

  /** What an array of {@code bytes} takes of the heap: whole regions if G1 makes it humongous. */
  static long footprint(long bytes) {
    if (REGION_BYTES == 0 || bytes + ARRAY_HEADER < REGION_BYTES / 2) {
      return bytes;
    }
    return (bytes + ARRAY_HEADER + REGION_BYTES - 1) / REGION_BYTES * REGION_BYTES;
  }

  /** Counts the region tail of a string's array until the array is collected (once per array). */
  static void track(byte[] array) {
    long tail = footprint(array.length) - array.length;
    if (tail <= 0 || array.length < REGION_BYTES / 2) {
      return;
    }
    if (TRACKED.putIfAbsent(array, Boolean.TRUE) == null) {
      TAILS.addAndGet(tail);
      CLEANER.register(array, () -> TAILS.addAndGet(-tail));
    }
  }

  private static String option(String name, String absent) {
    return VM == null ? absent : VM.getVMOption(name).getValue();
  }
}
