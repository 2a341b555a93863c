package dev.procgroups.transport;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded lane for inbound messages into a single-threaded executor: a message is handed on
 * only if the messages waiting for that executor, with it, hold at most {@code capacityBytes}, or
 * if none is waiting (so that one message larger than the capacity, a big full sync, still gets
 * through an idle lane); otherwise it is dropped and counted, and the producer (a network thread)
 * never blocks. So at most {@code capacityBytes} plus one message wait. Other tasks of the same
 * executor (peer events, timer ticks, local flushes) do not go through here, so they are never
 * dropped, and they stay in order with the messages because they share its queue.
 *
 * <p>Dropping is safe for what travels this way: replication messages are repaired by digests and
 * resyncs, and remote deliveries are at most once, numbered per link so that a gap never stalls the
 * later ones. Where the lanes sit on a node's inbound path: impl/README.md, "Threads and queues".
 */
public final class BoundedHandOff {
  /** Default capacity of one lane. */
  public static final long DEFAULT_CAPACITY_BYTES = 16L << 20;

  /**
   * What a waiting message costs besides its bytes (array header, task, queue node), so that a
   * flood of tiny messages is bounded too.
   */
  static final int OVERHEAD_BYTES = 128;

  private final Executor executor;
  private final long capacityBytes;
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicLong queuedMessages = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();

  public BoundedHandOff(Executor executor, long capacityBytes) {
    if (capacityBytes < 1) {
      throw new IllegalArgumentException("capacityBytes must be positive: " + capacityBytes);
    }
    this.executor = executor;
    this.capacityBytes = capacityBytes;
  }

  /**
   * Runs {@code task} (which handles a message of {@code bytes} bytes) on the executor if there is
   * room; returns false if the lane was full (the message is dropped and counted). Thread-safe;
   * with several producers, the idle-lane exception may let one message per producer in at once.
   */
  public boolean offer(int bytes, Runnable task) {
    long cost = (long) bytes + OVERHEAD_BYTES;
    long queued = queuedBytes.addAndGet(cost);
    if (queued > capacityBytes && queued != cost) {
      queuedBytes.addAndGet(-cost);
      dropped.incrementAndGet();
      return false;
    }
    queuedMessages.incrementAndGet();
    executor.execute(
        () -> {
          queuedBytes.addAndGet(-cost);
          queuedMessages.decrementAndGet();
          task.run();
        });
    return true;
  }

  public long capacityBytes() {
    return capacityBytes;
  }

  /** Bytes (with the per-message overhead) of the messages waiting now. */
  public long queuedBytes() {
    return queuedBytes.get();
  }

  /** Messages waiting now. */
  public long queuedMessages() {
    return queuedMessages.get();
  }

  /** Messages dropped because the lane was full, since start. */
  public long dropped() {
    return dropped.get();
  }
}
