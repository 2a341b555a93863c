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
 * arrays (O(live), paid for by the leaves that made the dead slots). Readers only ever see
 * {@link SlotView}s, which stay valid because published array prefixes are never written again
 * except for {@code leftAt} stamps newer than any published version.
 */
final class SlotTable {

  private static final int MIN_CAPACITY = 4;
  private static final int COMPACT_MIN_DEAD = 16;

  private Pid[] pids = new Pid[MIN_CAPACITY];
  private AtomicLongArray leftAt = new AtomicLongArray(MIN_CAPACITY);
  private int size;
  private int live;
  private long version;
  private final Map<Pid, IntStack> slotsByPid = new HashMap<>();

  int live() {
    return live;
  }

  void append(Pid pid) {
    if (size == pids.length) {
      resize(size * 2);
    }
    pids[size] = pid;
    leftAt.setPlain(size, Long.MAX_VALUE);
    slotsByPid.computeIfAbsent(pid, p -> new IntStack()).push(size);
    size++;
    live++;
  }

  /** Removes {@code pid}'s most recent slot (or, mutated, its oldest); false if it holds none. */
  boolean removeLatest(Pid pid, boolean oldestInstead) {
    IntStack stack = slotsByPid.get(pid);
    if (stack == null) {
      return false;
    }
    kill(oldestInstead ? stack.removeFirst() : stack.pop());
    if (stack.isEmpty()) {
      slotsByPid.remove(pid);
    }
    return true;
  }

  /** Removes every slot of {@code pid}; returns how many there were. */
  int removeAll(Pid pid) {
    IntStack stack = slotsByPid.remove(pid);
    int removed = 0;
    while (stack != null && !stack.isEmpty()) {
      kill(stack.pop());
      removed++;
    }
    return removed;
  }

  boolean holds(Pid pid) {
    return slotsByPid.containsKey(pid);
  }

  /** The live slots in slot order (for syncs and drops; O(size)). */
  List<Pid> livePids() {
    List<Pid> out = new ArrayList<>(live);
    for (int i = 0; i < size; i++) {
      if (leftAt.getPlain(i) == Long.MAX_VALUE) {
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
    slotsByPid.clear();
    for (Pid pid : survivors) {
      append(pid);
    }
  }
}
