package dev.procgroups.store;

import dev.procgroups.process.Pid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The slots of one group from one origin, owned by the store's single writer. Join appends a slot
 * (amortized O(1)); leave stamps the process's most recent slot with a new version instead of
 * moving anything (O(1)); once dead slots outnumber live ones the table is compacted into fresh
 * arrays (O(live), paid for by the leaves that made the dead slots). Readers only ever see {@link
 * SlotView}s, which stay valid because published array prefixes are never written again except for
 * {@code leftAt} stamps newer than any published version.
 */
final class SlotTable {

  /** Room for one slot first: most tables of a many-groups scope hold one. */
  private static final int MIN_CAPACITY = 1;

  private static final Pid[] NO_PIDS = new Pid[0];
  private static final AtomicLongArray NO_STAMPS = new AtomicLongArray(0);
  private static final int COMPACT_MIN_DEAD = 16;

  /** Up to this many slots a scan finds a process's slots; past it, {@link #slotsByPid} does. */
  private static final int INDEX_FROM = 8;

  /** Empty until the first slot: every group has a local table, most hold no local slot. */
  private Pid[] pids = NO_PIDS;

  private AtomicLongArray leftAt = NO_STAMPS;
  private int size;
  private int live;
  private long version;

  /**
   * Each process's live slot indexes, oldest first; null while the table is small (most are: a
   * group of one member per node needs no map, and a map is most of a small table's memory).
   */
  private Map<Pid, IntStack> slotsByPid;

  int live() {
    return live;
  }

  void append(Pid pid) {
    if (size == pids.length) {
      resize(Math.max(MIN_CAPACITY, size * 2));
    }
    pids[size] = pid;
    leftAt.setPlain(size, Long.MAX_VALUE);
    if (slotsByPid != null) {
      index(size);
    }
    size++;
    live++;
    if (slotsByPid == null && size > INDEX_FROM) {
      slotsByPid = new HashMap<>();
      for (int i = 0; i < size; i++) {
        if (isLive(i)) {
          index(i);
        }
      }
    }
  }

  /** Removes {@code pid}'s most recent slot; false if it holds none. */
  boolean removeLatest(Pid pid) {
    return remove(pid, false);
  }

  /** Removes {@code pid}'s oldest slot (planted bug LEAVE_OLDEST_SLOT only); false if none. */
  boolean removeOldest(Pid pid) {
    return remove(pid, true);
  }

  private boolean remove(Pid pid, boolean oldest) {
    if (slotsByPid == null) {
      int slot = oldest ? scanForward(pid, 0) : scanBack(pid, size - 1);
      if (slot < 0) {
        return false;
      }
      kill(slot);
      return true;
    }
    IntStack stack = slotsByPid.get(pid);
    if (stack == null) {
      return false;
    }
    kill(oldest ? stack.removeFirst() : stack.pop());
    if (stack.isEmpty()) {
      slotsByPid.remove(pid);
    }
    return true;
  }

  /** Removes every slot of {@code pid}; returns how many there were. */
  int removeAll(Pid pid) {
    int removed = 0;
    if (slotsByPid == null) {
      for (int slot = scanBack(pid, size - 1); slot >= 0; slot = scanBack(pid, slot - 1)) {
        kill(slot);
        removed++;
      }
      return removed;
    }
    IntStack stack = slotsByPid.remove(pid);
    while (stack != null && !stack.isEmpty()) {
      kill(stack.pop());
      removed++;
    }
    return removed;
  }

  boolean holds(Pid pid) {
    return slotsByPid == null ? scanBack(pid, size - 1) >= 0 : slotsByPid.containsKey(pid);
  }

  /** The live slots in slot order (for syncs and drops; O(size)). */
  List<Pid> livePids() {
    List<Pid> out = new ArrayList<>(live);
    for (int i = 0; i < size; i++) {
      if (isLive(i)) {
        out.add(pids[i]);
      }
    }
    return out;
  }

  /** A view of the current state for readers; compacts first if dead slots dominate. */
  SlotView view() {
    int dead = size - live;
    if (dead >= COMPACT_MIN_DEAD && dead > live) {
      compact();
    }
    return live == 0 ? SlotView.EMPTY : new SlotView(pids, leftAt, size, version, live);
  }

  private boolean isLive(int index) {
    return leftAt.getPlain(index) == Long.MAX_VALUE;
  }

  private void index(int slot) {
    slotsByPid.computeIfAbsent(pids[slot], p -> new IntStack()).push(slot);
  }

  /** The newest live slot of {@code pid} at or before {@code from}, or -1. */
  private int scanBack(Pid pid, int from) {
    for (int i = from; i >= 0; i--) {
      if (isLive(i) && pids[i].equals(pid)) {
        return i;
      }
    }
    return -1;
  }

  /** The oldest live slot of {@code pid} at or after {@code from}, or -1. */
  private int scanForward(Pid pid, int from) {
    for (int i = from; i < size; i++) {
      if (isLive(i) && pids[i].equals(pid)) {
        return i;
      }
    }
    return -1;
  }

  private void kill(int index) {
    version++;
    leftAt.setOpaque(index, version);
    live--;
  }

  private void resize(int capacity) {
    Pid[] newPids = new Pid[capacity];
    AtomicLongArray newLeftAt = new AtomicLongArray(capacity);
    System.arraycopy(pids, 0, newPids, 0, size);
    for (int i = 0; i < size; i++) {
      newLeftAt.setPlain(i, leftAt.getPlain(i));
    }
    pids = newPids;
    leftAt = newLeftAt;
  }

  private void compact() {
    List<Pid> survivors = livePids();
    pids = new Pid[Math.max(MIN_CAPACITY, survivors.size() * 2)];
    leftAt = new AtomicLongArray(pids.length);
    size = 0;
    live = 0;
    slotsByPid = null;
    for (Pid pid : survivors) {
      append(pid);
    }
  }
}
