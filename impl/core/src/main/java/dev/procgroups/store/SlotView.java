package dev.procgroups.store;

import dev.procgroups.process.Pid;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * An immutable view of one slot table at one version. The arrays are shared with the writer, which
 * only appends past {@code size} and stamps {@code leftAt} with versions later than this one, so a
 * reader filtering by {@code leftAt > version} sees exactly the slots live at this version, without
 * locks and without copying when no slot is dead.
 */
final class SlotView {

  static final SlotView EMPTY = new SlotView(new Pid[0], new AtomicLongArray(0), 0, 0, 0);

  private final Pid[] pids;
  private final AtomicLongArray leftAt;
  private final int size;
  private final long version;
  private final int live;

  /**
   * The live slots once filtered, kept for later reads of this version. A racy cache: two readers
   * may both build it; {@link ArrayPrefix} has only final fields, so any reader sees it whole.
   */
  private List<Pid> filtered;

  SlotView(Pid[] pids, AtomicLongArray leftAt, int size, long version, int live) {
    this.pids = pids;
    this.leftAt = leftAt;
    this.size = size;
    this.version = version;
    this.live = live;
  }

  /** Live slots at this version. */
  int live() {
    return live;
  }

  /**
   * Appends the live slots, in slot order, to {@code out} starting at {@code at}; returns the next
   * index.
   */
  int copyInto(Pid[] out, int at) {
    if (live == size) {
      System.arraycopy(pids, 0, out, at, size);
      return at + size;
    }
    int next = at;
    for (int i = 0; i < size; i++) {
      if (leftAt.getOpaque(i) > version) {
        out[next++] = pids[i];
      }
    }
    return next;
  }

  /**
   * The live slots as an unmodifiable list: no copy when nothing in range has left, otherwise one
   * filtered copy per version, shared by every later read of it.
   */
  List<Pid> toList() {
    if (live == 0) {
      return List.of();
    }
    if (live == size) {
      return new ArrayPrefix(pids, size);
    }
    List<Pid> cached = filtered;
    if (cached == null) {
      Pid[] out = new Pid[live];
      copyInto(out, 0);
      cached = new ArrayPrefix(out, live);
      filtered = cached;
    }
    return cached;
  }

  /** An unmodifiable list over the first {@code size} elements of an array nobody writes there. */
  static final class ArrayPrefix extends AbstractList<Pid> implements RandomAccess {
    private final Pid[] array;
    private final int size;

    ArrayPrefix(Pid[] array, int size) {
      this.array = array;
      this.size = size;
    }

    @Override
    public Pid get(int index) {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException(index);
      }
      return array[index];
    }

    @Override
    public int size() {
      return size;
    }
  }
}
