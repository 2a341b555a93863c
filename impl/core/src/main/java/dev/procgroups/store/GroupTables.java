package dev.procgroups.store;

import dev.procgroups.process.Pid;
import java.util.Arrays;

/**
 * The writer's tables of one group: local slots and one table per remote origin, origins in the
 * order they first had a slot here. Arrays rather than a map: a group has slots from a handful of
 * origins, and a replica holds one of these per group.
 */
final class GroupTables {

  private static final String[] NO_ORIGINS = new String[0];
  private static final SlotTable[] NO_TABLES = new SlotTable[0];
  private static final SlotView[] NO_VIEWS = new SlotView[0];

  /** Null until the group's first local slot: on a replica, most groups never have one. */
  private SlotTable local;

  private String[] origins = NO_ORIGINS;
  private SlotTable[] remotes = NO_TABLES;

  /** Whether the state being built lists this group as having a local slot. */
  boolean listedLocal;

  /** The local slots, for a write. */
  SlotTable local() {
    if (local == null) {
      local = new SlotTable();
    }
    return local;
  }

  /** Removes {@code pid}'s most recent local slot; false if it has none. */
  boolean removeLatestLocal(Pid pid) {
    return local != null && local.removeLatest(pid);
  }

  /** Removes {@code pid}'s oldest local slot (planted bug LEAVE_OLDEST_SLOT only). */
  boolean removeOldestLocal(Pid pid) {
    return local != null && local.removeOldest(pid);
  }

  int localLive() {
    return local == null ? 0 : local.live();
  }

  boolean holdsLocal(Pid pid) {
    return local != null && local.holds(pid);
  }

  /** Adds {@code origin}'s table, last in order; the origin must not have one here yet. */
  void addRemote(String origin, SlotTable table) {
    int n = origins.length;
    origins = Arrays.copyOf(origins, n + 1);
    remotes = Arrays.copyOf(remotes, n + 1);
    origins[n] = origin;
    remotes[n] = table;
  }

  /** Forgets {@code origin}'s table, keeping the others' order. */
  void removeRemote(String origin) {
    for (int i = 0; i < origins.length; i++) {
      if (origins[i].equals(origin)) {
        origins = without(origins, i, NO_ORIGINS);
        remotes = without(remotes, i, NO_TABLES);
        return;
      }
    }
  }

  GroupState view() {
    SlotView localView = local == null ? SlotView.EMPTY : local.view();
    if (origins.length == 0) {
      return new GroupState(localView, NO_ORIGINS, NO_VIEWS);
    }
    SlotView[] remoteViews = new SlotView[origins.length];
    for (int i = 0; i < origins.length; i++) {
      remoteViews[i] = remotes[i].view();
    }
    return new GroupState(localView, origins, remoteViews); // origins is never written again
  }

  private static <T> T[] without(T[] items, int index, T[] empty) {
    if (items.length == 1) {
      return empty;
    }
    T[] out = Arrays.copyOf(items, items.length - 1);
    System.arraycopy(items, index + 1, out, index, items.length - index - 1);
    return out;
  }
}
