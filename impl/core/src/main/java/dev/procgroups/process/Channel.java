package dev.procgroups.process;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * A FIFO channel between threads, with the behaviour Lua scripts expect (SEMANTICS.md): receive
 * returns a value and an ok flag, {@code null, false} once closed and empty; values buffered before
 * {@link #close()} can still be received. Unbounded, bounded (subscriptions: {@link #offer} refuses
 * when full and counts the refusal in {@link #dropped()}), or sharing a {@link Quota} with other
 * channels (a process's mailbox: its topic channels and inbox). Values may be null. Blocking calls
 * throw {@link InterruptedException} when the thread is interrupted (that is how killing a process
 * stops a blocked receive). Waiting over several channels: {@link Select}.
 */
public final class Channel<T> {

  /** The capacity of an unbounded channel. */
  public static final int UNBOUNDED = Integer.MAX_VALUE;

  /** Stands for a null value in the buffer (ArrayDeque holds no nulls). */
  private static final Object NULL = new Object();

  /** What a non-blocking put did. */
  enum PutResult {
    ACCEPTED,
    FULL,
    CLOSED
  }

  // A monitor, not a ReentrantLock: sections are a few instructions and never park inside, so a
  // virtual thread holding it never blocks while pinned, and an idle channel stays small.
  private final Object lock = new Object();
  private final int capacity;
  private final Quota<T> quota; // null unless the channel shares one
  private ArrayDeque<Object>
      buffer; // created on first put: most channels of idle processes stay empty
  private List<Thread> waiters; // threads parked in Waits.await on this channel
  private boolean closed;
  private long dropped;

  private Channel(int capacity, Quota<T> quota) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.capacity = capacity;
    this.quota = quota;
  }

  /** A channel that accepts any number of values. */
  public static <T> Channel<T> unbounded() {
    return new Channel<>(UNBOUNDED, null);
  }

  /** A channel that holds at most {@code capacity} (≥ 1) values. */
  public static <T> Channel<T> bounded(int capacity) {
    return new Channel<>(capacity, null);
  }

  /** A channel whose buffered values each take their share of {@code quota} (full if refused). */
  static <T> Channel<T> sharing(Quota<T> quota) {
    return new Channel<>(UNBOUNDED, quota);
  }

  public int capacity() {
    return capacity;
  }

  /**
   * Adds {@code value} without waiting. Returns false if the channel is closed, or full (then the
   * value is dropped and counted in {@link #dropped()}).
   */
  public boolean offer(T value) {
    PutResult result = tryPut(value);
    if (result == PutResult.FULL) {
      synchronized (lock) {
        dropped++;
      }
    }
    return result == PutResult.ACCEPTED;
  }

  /** Adds {@code value}, waiting while the channel is full. Returns false if it is closed. */
  public boolean send(T value) throws InterruptedException {
    PutResult result =
        Waits.await(
            new Channel<?>[] {this},
            () -> {
              PutResult r = tryPut(value);
              return r == PutResult.FULL ? null : r;
            },
            Waits.FOREVER);
    return result == PutResult.ACCEPTED;
  }

  /** Takes the next value, waiting for one; {@code null, false} once closed and empty. */
  public Received<T> receive() throws InterruptedException {
    return Waits.await(new Channel<?>[] {this}, this::tryTake, Waits.FOREVER);
  }

  /** Like {@link #receive()}, but gives up after {@code timeout}: empty on timeout. */
  public Optional<Received<T>> receive(Duration timeout) throws InterruptedException {
    return Optional.ofNullable(
        Waits.await(new Channel<?>[] {this}, this::tryTake, Waits.nanos(timeout)));
  }

  /** Takes the next value if there is one or reports closed; empty if open and empty. */
  public Optional<Received<T>> poll() {
    return Optional.ofNullable(tryTake());
  }

  /**
   * Closes the channel: no further values are accepted, buffered ones can still be received.
   * Returns true if this call closed it, false if it was already closed.
   */
  public boolean close() {
    return closeChannel(false);
  }

  /** Closes the channel and discards buffered values, so a receive reports closed at once. */
  public boolean closeDiscarding() {
    return closeChannel(true);
  }

  public boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  /** The number of buffered values. */
  public int size() {
    synchronized (lock) {
      return buffer == null ? 0 : buffer.size();
    }
  }

  /** How many values {@link #offer} refused because the channel was full. */
  public long dropped() {
    synchronized (lock) {
      return dropped;
    }
  }

  private boolean closeChannel(boolean discard) {
    Thread[] wake;
    boolean wasOpen;
    synchronized (lock) {
      wasOpen = !closed;
      closed = true;
      if (discard && buffer != null) {
        buffer.forEach(this::release);
        buffer.clear();
      }
      wake = waitersToWake();
    }
    Waits.wake(wake);
    return wasOpen;
  }

  /** A put that never waits. */
  PutResult tryPut(T value) {
    Thread[] wake;
    synchronized (lock) {
      if (closed) {
        return PutResult.CLOSED;
      }
      if (buffer == null) {
        buffer = new ArrayDeque<>(4);
      } else if (buffer.size() >= capacity) {
        return PutResult.FULL;
      }
      if (quota != null && !quota.tryAcquire(value)) {
        return PutResult.FULL;
      }
      buffer.addLast(value == null ? NULL : value);
      wake = waitersToWake();
    }
    Waits.wake(wake);
    return PutResult.ACCEPTED;
  }

  /** A take that never waits: a value, closed, or null if open and empty. */
  @SuppressWarnings("unchecked")
  Received<T> tryTake() {
    Object value;
    Thread[] wake;
    synchronized (lock) {
      if (buffer == null || buffer.isEmpty()) {
        return closed ? Received.closed() : null;
      }
      value = buffer.pollFirst();
      release(value);
      wake = capacity == UNBOUNDED ? null : waitersToWake(); // a sender may wait for room
    }
    Waits.wake(wake);
    return Received.of(value == NULL ? null : (T) value);
  }

  @SuppressWarnings("unchecked")
  private void release(Object buffered) {
    if (quota != null) {
      quota.release(buffered == NULL ? null : (T) buffered);
    }
  }

  void addWaiter(Thread thread) {
    synchronized (lock) {
      if (waiters == null) {
        waiters = new ArrayList<>(2);
      }
      waiters.add(thread);
    }
  }

  /** True while some thread is parked on this channel (for tests that need a blocked peer). */
  boolean hasWaiters() {
    synchronized (lock) {
      return waiters != null && !waiters.isEmpty();
    }
  }

  void removeWaiter(Thread thread) {
    synchronized (lock) {
      waiters.remove(thread);
    }
  }

  private Thread[] waitersToWake() {
    return waiters == null || waiters.isEmpty() ? null : waiters.toArray(new Thread[0]);
  }

  /** Parks a thread until one of several channels changes state. */
  static final class Waits {
    static final long FOREVER = -1;

    private Waits() {}

    /** A non-blocking attempt: its result, or null if it must wait. */
    @FunctionalInterface
    interface Attempt<R> {
      R tryOnce();
    }

    static long nanos(Duration timeout) {
      return Math.max(0, timeout.toNanos());
    }

    /**
     * Runs {@code attempt} until it gives a result, parking between tries until one of {@code
     * channels} changes. Returns null once {@code timeoutNanos} (≥ 0) has passed.
     */
    static <R> R await(Channel<?>[] channels, Attempt<R> attempt, long timeoutNanos)
        throws InterruptedException {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      R result = attempt.tryOnce();
      if (result != null || timeoutNanos == 0) {
        return result;
      }
      long deadline = System.nanoTime() + timeoutNanos;
      Thread self = Thread.currentThread();
      for (Channel<?> channel : channels) {
        channel.addWaiter(self);
      }
      try {
        // Registered before retrying: a put after this try unparks us, and park returns at once.
        while ((result = attempt.tryOnce()) == null) {
          if (timeoutNanos == FOREVER) {
            LockSupport.park(channels);
          } else {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
              return null;
            }
            LockSupport.parkNanos(channels, left);
          }
          if (Thread.interrupted()) {
            throw new InterruptedException();
          }
        }
        return result;
      } finally {
        for (Channel<?> channel : channels) {
          channel.removeWaiter(self);
        }
      }
    }

    static void wake(Thread[] threads) {
      if (threads != null) {
        for (Thread thread : threads) {
          LockSupport.unpark(thread);
        }
      }
    }
  }
}
