package dev.procgroups.process;

/**
 * A number of buffered values shared by several channels: a process's mailbox bounds all its
 * topic channels and its inbox together. A channel takes a unit for each value it buffers and
 * gives it back when the value is taken or discarded.
 */
interface Quota {
  /** Takes one unit; false if none is left. */
  boolean tryAcquire();

  /** Gives back {@code units}. */
  void release(int units);
}
