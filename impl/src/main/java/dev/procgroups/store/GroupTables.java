package dev.procgroups.store;

import java.util.LinkedHashMap;
import java.util.Map;

/** The writer's tables of one group: local slots and one table per remote origin. */
final class GroupTables {

  final SlotTable local = new SlotTable();
  /** Origin name → that origin's slots of this group; shared with the store's per-origin index. */
  final Map<String, SlotTable> remotes = new LinkedHashMap<>();
  /** Whether the state being built lists this group as having a local slot. */
  boolean listedLocal;

  boolean isEmpty() {
    return local.live() == 0 && remotes.isEmpty();
  }

  private static final String[] NO_ORIGINS = new String[0];
  private static final SlotView[] NO_VIEWS = new SlotView[0];

  GroupState view() {
    if (remotes.isEmpty()) {
      return new GroupState(local.view(), NO_ORIGINS, NO_VIEWS);
    }
    String[] origins = remotes.keySet().toArray(new String[0]);
    SlotView[] remoteViews = new SlotView[origins.length];
    for (int i = 0; i < origins.length; i++) {
      remoteViews[i] = remotes.get(origins[i]).view();
    }
    return new GroupState(local.view(), origins, remoteViews);
  }
}
