package dev.procgroups.model.linearizability;

import dev.procgroups.model.history.EdnWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One node's member slots as a multiset of PIDs per group (each list sorted, no empty groups), the
 * state {@link MembershipSpecification} checks against. Immutable.
 */
public record MembershipState(Map<String, List<String>> groups) {

    public static final MembershipState EMPTY = new MembershipState(Map.of());

    public MembershipState {
        groups = Map.copyOf(groups);
    }

    /** The group's members, sorted, one entry per slot. */
    public List<String> members(String group) {
        return groups.getOrDefault(group, List.of());
    }

    public boolean hasSlot(String group, String pid) {
        return Collections.binarySearch(members(group), pid) >= 0;
    }

    public MembershipState join(String group, String pid) {
        List<String> members = new ArrayList<>(members(group));
        int at = Collections.binarySearch(members, pid);
        members.add(at >= 0 ? at : -at - 1, pid);
        return with(group, members);
    }

    /** Removes one slot of {@code pid}; the caller checks {@link #hasSlot} first. */
    public MembershipState leave(String group, String pid) {
        List<String> members = new ArrayList<>(members(group));
        members.remove(Collections.binarySearch(members, pid));
        return with(group, members);
    }

    private MembershipState with(String group, List<String> members) {
        Map<String, List<String>> next = new HashMap<>(groups);
        if (members.isEmpty()) {
            next.remove(group);
        } else {
            next.put(group, List.copyOf(members));
        }
        return new MembershipState(next);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        new TreeMap<>(groups).forEach((group, members) -> {
            out.append(out.length() > 1 ? ", " : "").append(EdnWriter.write(group)).append(' ')
                    .append(EdnWriter.write(members));
        });
        return out.append('}').toString();
    }
}
