package dev.procgroups.model.linearizability;

import dev.procgroups.model.history.EdnWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One node's member slots as a multiset of PIDs per group, the state {@link
 * MembershipSpecification} checks against, plus the effects of crashed calls that may still happen:
 * joins that may add a slot and leaves that may remove one, each usable at most once. Immutable;
 * every list is sorted.
 */
public record MembershipState(Map<String, Group> groups) {

  public static final MembershipState EMPTY = new MembershipState(Map.of());

  /** One group: its slots, and the pending effects of crashed joins and leaves. */
  public record Group(List<String> slots, List<String> mayJoin, List<String> mayLeave) {

    static final Group EMPTY = new Group(List.of(), List.of(), List.of());

    boolean isEmpty() {
      return slots.isEmpty() && mayJoin.isEmpty() && mayLeave.isEmpty();
    }
  }

  public MembershipState {
    groups = Map.copyOf(groups);
  }

  private Group group(String name) {
    return groups.getOrDefault(name, Group.EMPTY);
  }

  /** The group's members, sorted, one entry per slot. */
  public List<String> members(String group) {
    return group(group).slots();
  }

  public List<String> mayJoin(String group) {
    return group(group).mayJoin();
  }

  public List<String> mayLeave(String group) {
    return group(group).mayLeave();
  }

  public boolean hasSlot(String group, String pid) {
    return count(members(group), pid) > 0;
  }

  public MembershipState join(String group, String pid) {
    Group g = group(group);
    return with(group, new Group(plus(g.slots(), pid, 1), g.mayJoin(), g.mayLeave()));
  }

  /** Removes one slot of {@code pid}; the caller checks {@link #hasSlot} first. */
  public MembershipState leave(String group, String pid) {
    Group g = group(group);
    return with(group, new Group(plus(g.slots(), pid, -1), g.mayJoin(), g.mayLeave()));
  }

  /** Records that a crashed join of {@code pid} may still add a slot. */
  public MembershipState mayJoin(String group, String pid) {
    Group g = group(group);
    return with(group, new Group(g.slots(), plus(g.mayJoin(), pid, 1), g.mayLeave()));
  }

  /** Records that a crashed leave of {@code pid} may still remove a slot. */
  public MembershipState mayLeave(String group, String pid) {
    Group g = group(group);
    return with(group, new Group(g.slots(), g.mayJoin(), plus(g.mayLeave(), pid, 1)));
  }

  /**
   * The state whose slots are exactly {@code observed} (sorted), using the fewest pending crashed
   * effects to get there (keeping the rest is never worse), or null when they cannot explain it.
   */
  public MembershipState observe(String group, List<String> observed) {
    Group g = group(group);
    List<String> mayJoin = g.mayJoin();
    List<String> mayLeave = g.mayLeave();
    List<String> pids = new ArrayList<>(g.slots());
    pids.addAll(observed);
    for (String pid : new java.util.TreeSet<>(pids)) {
      int diff = count(observed, pid) - count(g.slots(), pid);
      List<String> pool = diff > 0 ? mayJoin : mayLeave;
      if (count(pool, pid) < Math.abs(diff)) {
        return null;
      }
      if (diff > 0) {
        mayJoin = plus(mayJoin, pid, -diff);
      } else if (diff < 0) {
        mayLeave = plus(mayLeave, pid, diff);
      }
    }
    return with(group, new Group(List.copyOf(observed), mayJoin, mayLeave));
  }

  /** Uses one pending crashed join of {@code pid}, or returns null when there is none. */
  MembershipState useMayJoin(String group, String pid) {
    Group g = group(group);
    return count(g.mayJoin(), pid) == 0
        ? null
        : with(group, new Group(g.slots(), plus(g.mayJoin(), pid, -1), g.mayLeave()));
  }

  static int count(List<String> sorted, String pid) {
    int at = Collections.binarySearch(sorted, pid);
    if (at < 0) {
      return 0;
    }
    int n = 1;
    for (int i = at - 1; i >= 0 && sorted.get(i).equals(pid); i--) {
      n++;
    }
    for (int i = at + 1; i < sorted.size() && sorted.get(i).equals(pid); i++) {
      n++;
    }
    return n;
  }

  /**
   * Adds {@code times} copies of {@code pid} (removes when negative; the caller checks there are
   * enough).
   */
  private static List<String> plus(List<String> sorted, String pid, int times) {
    List<String> out = new ArrayList<>(sorted);
    for (int i = 0; i < times; i++) {
      int at = Collections.binarySearch(out, pid);
      out.add(at >= 0 ? at : -at - 1, pid);
    }
    for (int i = 0; i < -times; i++) {
      out.remove(Collections.binarySearch(out, pid));
    }
    return List.copyOf(out);
  }

  private MembershipState with(String group, Group g) {
    Map<String, Group> next = new HashMap<>(groups);
    if (g.isEmpty()) {
      next.remove(group);
    } else {
      next.put(group, g);
    }
    return new MembershipState(next);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    new TreeMap<>(groups)
        .forEach(
            (name, g) -> {
              out.append(out.length() > 1 ? ", " : "")
                  .append(EdnWriter.write(name))
                  .append(' ')
                  .append(EdnWriter.write(g.slots()));
              if (!g.mayJoin().isEmpty()) {
                out.append(" may-join ").append(EdnWriter.write(g.mayJoin()));
              }
              if (!g.mayLeave().isEmpty()) {
                out.append(" may-leave ").append(EdnWriter.write(g.mayLeave()));
              }
            });
    return out.append('}').toString();
  }
}
