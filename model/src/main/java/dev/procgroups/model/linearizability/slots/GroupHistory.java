package dev.procgroups.model.linearizability.slots;

import dev.procgroups.model.history.History;
import dev.procgroups.model.history.OpType;
import dev.procgroups.model.history.Operation;
import dev.procgroups.model.linearizability.MembershipOps;
import dev.procgroups.model.linearizability.MembershipSpecification;
import dev.procgroups.model.linearizability.MembershipSpecification.Join;
import dev.procgroups.model.linearizability.MembershipSpecification.Leave;
import dev.procgroups.model.linearizability.MembershipSpecification.Read;
import dev.procgroups.model.linearizability.Transition;
import dev.procgroups.model.linearizability.slots.SlotCall.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The calls on one group, in invocation order, with the group's PIDs numbered. Every membership
 * call touches one group and a read reads one group whole, so groups are independent objects: a
 * history is linearizable exactly when each group's calls are (P-compositionality). Calls that say
 * nothing (a failed join, a leave failing for another reason than INVALID, a read without a result)
 * are left out, as {@link MembershipSpecification} leaves them out.
 */
record GroupHistory(String group, List<String> pids, List<SlotCall> calls) {

  /**
   * Splits a history's membership calls by group; shapes are read by {@link
   * MembershipSpecification}.
   */
  static List<GroupHistory> split(History history) {
    MembershipSpecification spec = new MembershipSpecification();
    Map<String, List<Parsed>> byGroup = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> pidsByGroup = new HashMap<>();
    for (History.Call call : history.calls()) {
      Transition<?> t = transition(spec, call);
      if (!t.matters()) {
        continue;
      }
      String group = (String) ((Map<?, ?>) call.invoke().value()).get(MembershipOps.GROUP);
      Map<String, Integer> pids = pidsByGroup.computeIfAbsent(group, g -> new LinkedHashMap<>());
      if (t instanceof Read r) {
        r.expected().forEach(pid -> pids.putIfAbsent(pid, pids.size()));
      } else {
        pids.putIfAbsent(t instanceof Join j ? j.pid() : ((Leave) t).pid(), pids.size());
      }
      byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(new Parsed(call, t));
    }
    List<GroupHistory> groups = new ArrayList<>();
    byGroup.forEach(
        (group, list) -> {
          Map<String, Integer> pids = pidsByGroup.get(group);
          List<SlotCall> calls = new ArrayList<>(list.size());
          for (Parsed p : list) {
            calls.add(compile(p.call(), p.transition(), pids));
          }
          groups.add(new GroupHistory(group, List.copyOf(pids.keySet()), calls));
        });
    return groups;
  }

  private record Parsed(History.Call call, Transition<?> transition) {}

  private static Transition<?> transition(MembershipSpecification spec, History.Call call) {
    try {
      return spec.transition(call);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "call invoked at index " + call.invoke().index() + ": " + e.getMessage(), e);
    }
  }

  private static SlotCall compile(History.Call call, Transition<?> t, Map<String, Integer> pids) {
    boolean crashed = call.outcome() == OpType.INFO;
    int returnPosition = crashed ? call.invokePosition() : call.completionPosition();
    if (t instanceof Read r) {
      int[] counts = new int[pids.size()];
      r.expected().forEach(pid -> counts[pids.get(pid)]++);
      return new SlotCall(Kind.READ, -1, counts, call.invokePosition(), returnPosition, call);
    }
    Kind kind;
    int pid;
    if (t instanceof Join j) {
      kind = crashed ? Kind.MAY_JOIN : Kind.JOIN;
      pid = pids.get(j.pid());
    } else {
      Leave l = (Leave) t;
      kind =
          switch (l.outcome()) {
            case OK -> Kind.LEAVE;
            case INVALID -> Kind.LEAVE_NONE;
            default -> Kind.MAY_LEAVE;
          };
      pid = pids.get(l.pid());
    }
    return new SlotCall(kind, pid, null, call.invokePosition(), returnPosition, call);
  }

  /**
   * The projection onto one PID: its joins and leaves, and every read reduced to the count of that
   * PID. A linearization of the group projects to one of the projection, so a projection without
   * one proves the group has none; the converse does not hold (a read sees all PIDs at one point).
   */
  GroupHistory onlyPid(int pid) {
    List<SlotCall> kept = new ArrayList<>();
    for (SlotCall c : calls) {
      if (c.kind() == Kind.READ || c.pid() == pid) {
        kept.add(c.onlyPid(pid));
      }
    }
    return new GroupHistory(group, List.of(pids.get(pid)), kept);
  }

  /** The group's calls as a history of their own operations, for the WGL fallback. */
  History asHistory() {
    TreeMap<Integer, Operation> byPosition = new TreeMap<>();
    for (SlotCall c : calls) {
      byPosition.put(c.call().invokePosition(), c.call().invoke());
      if (c.call().completion() != null) {
        byPosition.put(c.call().completionPosition(), c.call().completion());
      }
    }
    return new History(List.copyOf(byPosition.values()));
  }
}
