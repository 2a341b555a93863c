package dev.procgroups.model.linearizability.slots;

/**
 * The search's memo: a set of configurations, each three longs (two hashes of the placed calls, one
 * of the state), in open-addressing arrays. Written here rather than as a {@code HashSet} of
 * records because the search stores a configuration per step and a boxed entry costs about four
 * times the memory and most of the time. The all-zero key stands for an empty slot, so a key that
 * is all zero is stored as one with its last word set to 1: one more (harmless) way to collide, see
 * {@link SlotSearch}.
 */
final class ConfigurationSet {

  private long[] words = new long[3 * 1024];
  private int size;

  int size() {
    return size;
  }

  /** Adds the configuration; false when it was already there. */
  boolean add(long a, long b, long c) {
    if (a == 0 && b == 0 && c == 0) {
      c = 1;
    }
    if (2 * (size + 1) > words.length / 3) {
      grow();
    }
    int capacity = words.length / 3;
    int i = index(a, b, c, capacity);
    while (true) {
      int at = 3 * i;
      if (words[at] == 0 && words[at + 1] == 0 && words[at + 2] == 0) {
        words[at] = a;
        words[at + 1] = b;
        words[at + 2] = c;
        size++;
        return true;
      }
      if (words[at] == a && words[at + 1] == b && words[at + 2] == c) {
        return false;
      }
      i = (i + 1) & (capacity - 1);
    }
  }

  private static int index(long a, long b, long c, int capacity) {
    long h = a * 0x9E3779B97F4A7C15L + b * 0xC2B2AE3D27D4EB4FL + c * 0x165667B19E3779F9L;
    return (int) (h ^ (h >>> 32)) & (capacity - 1);
  }

  private void grow() {
    long[] old = words;
    words = new long[2 * old.length];
    size = 0;
    for (int at = 0; at < old.length; at += 3) {
      if (old[at] != 0 || old[at + 1] != 0 || old[at + 2] != 0) {
        add(old[at], old[at + 1], old[at + 2]);
      }
    }
  }
}
