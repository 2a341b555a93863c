package dev.procgroups.store;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded buffer of one subscription. The store's writer offers events without ever blocking:
 * when the buffer is full the event is dropped and counted. Consumers receive until the channel is
 * closed and empty. (A lock rather than {@code synchronized} so that virtual threads never pin.)
 */
public final class EventChannel {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<GroupEvent> buffer = new ArrayDeque<>();
  private final int capacity;
  private boolean closed;
  private long dropped;

  EventChannel(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1");
    }
    this.capacity = capacity;
  }

  /** Buffers {@code event}; false if the channel is closed or full (then it counts a drop). */
  boolean offer(GroupEvent event) {
    lock.lock();
    try {
      if (closed) {
        return false;
      }
      if (buffer.size() == capacity) {
        dropped++;
        return false;
      }
      buffer.addLast(event);
      changed.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Waits for the next event; empty once the channel is closed and drained. */
  public Optional<GroupEvent> receive() throws InterruptedException {
    lock.lock();
    try {
      while (buffer.isEmpty() && !closed) {
        changed.await();
      }
      return Optional.ofNullable(buffer.pollFirst());
    } finally {
      lock.unlock();
    }
  }

  /** Like {@link #receive()} but gives up after {@code timeout}; empty then too ({@link #isClosed()} tells which). */
  public Optional<GroupEvent> receive(Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (buffer.isEmpty() && !closed && nanos > 0) {
        nanos = changed.awaitNanos(nanos);
      }
      return Optional.ofNullable(buffer.pollFirst());
    } finally {
      lock.unlock();
    }
  }

  /** The next event if one is buffered, without waiting. */
  public Optional<GroupEvent> poll() {
    lock.lock();
    try {
      return Optional.ofNullable(buffer.pollFirst());
    } finally {
      lock.unlock();
    }
  }

  public boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  /** Events dropped because the buffer was full. */
  public long dropped() {
    lock.lock();
    try {
      return dropped;
    } finally {
      lock.unlock();
    }
  }

  public int capacity() {
    return capacity;
  }

  /** Stops further events; with {@code flush} also discards the buffered ones. */
  void close(boolean flush) {
    lock.lock();
    try {
      closed = true;
      if (flush) {
        buffer.clear();
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
