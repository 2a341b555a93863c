package dev.procgroups.process;

/**
 * A budget shared by several channels: a process's mailbox bounds all its topic channels and its
 * inbox together, in messages and in bytes. A channel takes a value's share when it buffers the
 * value and gives the same share back when the value is taken or discarded.
 */
interface Quota<T> {
  /** Takes {@code value}'s share; false if it does not fit. */
  boolean tryAcquire(T value);

  /** Gives back the share {@link #tryAcquire} took for {@code value}. */
  void release(T value);
}
