package dev.procgroups.store;

import java.util.Arrays;

/** A growable stack of ints: the slot indexes one process holds in one table, oldest first. */
final class IntStack {
  private int[] items = new int[2];
  private int size;

  void push(int value) {
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
    }
    items[size++] = value;
  }

  int pop() {
    return items[--size];
  }

  /** Removes and returns the oldest item (O(size); only the LEAVE_OLDEST_SLOT mutant uses it). */
  int removeFirst() {
    int first = items[0];
    System.arraycopy(items, 1, items, 0, --size);
    return first;
  }

  boolean isEmpty() {
    return size == 0;
  }
}
