package dev.procgroups.store;

import dev.procgroups.process.Pid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One group as readers see it at one store version: the local slots and the slots of each remote
 * origin. Immutable; rebuilt by the writer for each group a write touches.
 */
final class GroupState {

  private final SlotView local;
  private final String[] origins;
  private final SlotView[] remotes;
  private final int live;
  private List<Pid> allMembers;

  GroupState(SlotView local, String[] origins, SlotView[] remotes) {
    this.local = local;
    this.origins = origins;
    this.remotes = remotes;
    int total = local.live();
    for (SlotView remote : remotes) {
      total += remote.live();
    }
    this.live = total;
  }

  int live() {
    return live;
  }

  int localLive() {
    return local.live();
  }

  List<Pid> localMembers() {
    return local.toList();
  }

  /** Each remote origin's slots, by origin name. */
  Map<String, List<Pid>> remoteMembersByOrigin() {
    Map<String, List<Pid>> out = new LinkedHashMap<>();
    for (int i = 0; i < origins.length; i++) {
      out.put(origins[i], remotes[i].toList());
    }
    return out;
  }

  /**
   * Local slots in join order, then each origin's slots in its order; built once per version when
   * there are remote slots (a racy cache, safe as in {@link SlotView}).
   */
  List<Pid> members() {
    if (live == local.live()) {
      return local.toList();
    }
    List<Pid> cached = allMembers;
    if (cached == null) {
      Pid[] out = new Pid[live];
      int at = local.copyInto(out, 0);
      for (SlotView remote : remotes) {
        at = remote.copyInto(out, at);
      }
      cached = new SlotView.ArrayPrefix(out, at);
      allMembers = cached;
    }
    return cached;
  }
}
