package dev.procgroups.flood;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap figures of this JVM while it runs: the highest heap in use at a sample (garbage included, so
 * it mostly tells how lazy the collector was); the highest heap in use right after any collection
 * (from GC notifications; after a young collection this still counts the old generation's garbage,
 * so it grows with the run's length even when the live set does not); and the highest heap live
 * after a full collection, forced every few seconds ({@link #sampleLive}): what the load really
 * retains.
 */
final class HeapWatch implements AutoCloseable {
  /** The action of a collection of the whole heap (G1: System.gc() or a fallback full GC). */
  private static final String FULL_GC = "end of major GC";

  private final Set<String> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .map(MemoryPoolMXBean::getName)
          .collect(Collectors.toSet());
  private final AtomicLong peakUsed = new AtomicLong();
  private final AtomicLong peakAfterGc = new AtomicLong();
  private final AtomicLong peakLive = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::onGc;

  HeapWatch() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      }
    }
  }

  /** Heap live after a full collection now (a baseline or what a run left behind). */
  static long liveAfterFullGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  void sample() {
    peakUsed.accumulateAndGet(
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
  }

  /** Forces a full collection; its notification records what is live after it. */
  void sampleLive() {
    System.gc();
  }

  /** The most heap live after a full collection (forced by {@link #sampleLive}, or G1's own). */
  long peakLive() {
    return peakLive.get();
  }

  long peakUsed() {
    return peakUsed.get();
  }

  long peakAfterGc() {
    return peakAfterGc.get();
  }

  private void onGc(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    Map<String, MemoryUsage> after = info.getGcInfo().getMemoryUsageAfterGc();
    long live =
        after.entrySet().stream()
            .filter(e -> heapPools.contains(e.getKey()))
            .mapToLong(e -> e.getValue().getUsed())
            .sum();
    peakAfterGc.accumulateAndGet(live, Math::max);
    if (FULL_GC.equals(info.getGcAction())) {
      peakLive.accumulateAndGet(live, Math::max);
    }
  }

  @Override
  public void close() {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException e) {
        // already gone: nothing to undo
      }
    }
  }
}
