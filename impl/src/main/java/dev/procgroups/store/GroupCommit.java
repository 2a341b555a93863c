package dev.procgroups.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Group commit for the store's local writes (flat combining): a writer queues its write, and
 * whichever writer gets the lock runs every queued write, in queue order, as one commit (one
 * publish of the store's state), then wakes their writers. A writer returns only after its write
 * is published (read-your-writes), with its own result or exception.
 *
 * <p>Every holder of the lock, combining or not, releases it with {@link #unlock}, which wakes the
 * oldest queued writer: a writer parks only after failing to take the lock, so whoever held it
 * then will wake it (or the writer that combines its write).
 */
final class GroupCommit {

  /** Bounds one commit, so a combiner that keeps finding new writes still returns. */
  static final int MAX_WRITES = 512;

  /** A local write; runs under the lock, adding what it changed to the shared batch. */
  @FunctionalInterface
  interface Write<T> {
    T run(WriteBatch batch) throws StoreLimitException;
  }

  private final ReentrantLock lock;
  /** Runs the taken writes ({@link Pending#runIn}) and commits them once; called under the lock. */
  private final Consumer<List<Pending<?>>> combiner;
  private final Queue<Pending<?>> queue = new ConcurrentLinkedQueue<>();

  GroupCommit(ReentrantLock lock, Consumer<List<Pending<?>>> combiner) {
    this.lock = lock;
    this.combiner = combiner;
  }

  /** Queues {@code write} and returns its result once it is committed. */
  <T> T submit(Write<T> write) throws StoreLimitException {
    if (lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("a store write from inside a store write");
    }
    Pending<T> pending = new Pending<>(write);
    queue.add(pending);
    boolean interrupted = false;
    while (!pending.done) {
      if (lock.tryLock()) {
        try {
          if (!pending.done) {
            combine();
          }
        } finally {
          unlock();
        }
      } else {
        LockSupport.park(this);
        interrupted |= Thread.interrupted(); // writes are not interruptible: keep the flag for later
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return pending.result();
  }

  /** Releases the lock and wakes the oldest queued writer, which then takes it to combine. */
  void unlock() {
    lock.unlock();
    Pending<?> next = queue.peek();
    if (next != null) {
      LockSupport.unpark(next.thread);
    }
  }

  private void combine() {
    List<Pending<?>> taken = new ArrayList<>();
    for (Pending<?> p = queue.poll(); p != null; p = taken.size() < MAX_WRITES ? queue.poll() : null) {
      taken.add(p);
    }
    try {
      combiner.accept(taken);
    } catch (RuntimeException | Error e) {
      // The commit itself failed (e.g. a listener threw): every writer of it hears so.
      taken.forEach(p -> p.failUnlessFailed(e));
      throw e;
    } finally {
      Thread self = Thread.currentThread();
      for (Pending<?> p : taken) {
        p.done = true;
        if (p.thread != self) {
          LockSupport.unpark(p.thread);
        }
      }
    }
  }

  /** One queued write and, once committed, its outcome. */
  static final class Pending<T> {
    private final Write<T> write;
    private final Thread thread = Thread.currentThread();
    private T result;
    private Throwable failure;
    /** Set after the commit that ran this write published; its writer may then return. */
    private volatile boolean done;

    private Pending(Write<T> write) {
      this.write = write;
    }

    /** Runs the write; an exception is kept for its writer, not thrown to the combiner. */
    void runIn(WriteBatch batch) {
      try {
        result = write.run(batch);
      } catch (StoreLimitException | RuntimeException e) {
        failure = e;
      }
    }

    private void failUnlessFailed(Throwable e) {
      if (failure == null) {
        failure = e;
      }
    }

    private T result() throws StoreLimitException {
      if (failure instanceof StoreLimitException limit) {
        throw limit;
      }
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      return result;
    }
  }
}
