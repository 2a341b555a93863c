package dev.procgroups.flood;

import dev.procgroups.node.Node;
import dev.procgroups.process.Pid;
import dev.procgroups.store.MembershipStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads of the nodes' membership views of one scope, for lag and convergence. */
final class ClusterViews {
  private final String scope;

  ClusterViews(String scope) {
    this.scope = scope;
  }

  /** Slots of {@code node}'s own processes, as it sees them. */
  int localSlots(Node node) {
    MembershipStore store = store(node);
    return store.localGroups().stream().mapToInt(g -> store.localMembers(g).size()).sum();
  }

  /** Slots of {@code origin}'s processes in {@code observer}'s view. */
  int slotsOf(Node observer, String origin) {
    MembershipStore store = store(observer);
    return store.groups().stream()
        .mapToInt(g -> store.remoteMembersByOrigin(g).getOrDefault(origin, List.of()).size())
        .sum();
  }

  /** True if every node sees, in every group, exactly the slots the nodes hold locally. */
  boolean converged(Collection<Node> nodes) {
    Map<String, List<String>> truth = new TreeMap<>();
    for (Node node : nodes) {
      MembershipStore store = store(node);
      for (String group : store.localGroups()) {
        store
            .localMembers(group)
            .forEach(
                pid -> truth.computeIfAbsent(group, g -> new ArrayList<>()).add(pid.toString()));
      }
    }
    truth.values().forEach(pids -> pids.sort(null));
    return nodes.stream().allMatch(node -> view(node).equals(truth));
  }

  private Map<String, List<String>> view(Node node) {
    MembershipStore store = store(node);
    Set<String> groups = new TreeSet<>(store.groups());
    Map<String, List<String>> view = new TreeMap<>();
    for (String group : groups) {
      List<String> pids =
          new ArrayList<>(store.members(group).stream().map(Pid::toString).toList());
      pids.sort(null);
      view.put(group, pids);
    }
    return view;
  }

  private MembershipStore store(Node node) {
    return node.pg().store(scope).orElseThrow();
  }
}
