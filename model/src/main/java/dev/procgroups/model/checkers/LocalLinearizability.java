package dev.procgroups.model.checkers;

import dev.procgroups.model.history.History;
import dev.procgroups.model.history.Keyword;
import dev.procgroups.model.history.OpType;
import dev.procgroups.model.history.Operation;
import dev.procgroups.model.linearizability.MembershipOps;
import dev.procgroups.model.linearizability.MembershipSpecification;
import dev.procgroups.model.linearizability.slots.SlotCheckResult;
import dev.procgroups.model.linearizability.slots.SlotChecker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Each node's local calls — join, leave and {@code get_local_members} of its own processes — must be
 * linearizable against the single-node model ({@link MembershipSpecification}, checked by the
 * {@link SlotChecker}). A process's death is a call of the model: an ok {@code kill-process} is an
 * {@code exit} within the call (the node replies once the exit hooks ran), and a node kill is an
 * {@code exit} of every process spawned there before it, within the nemesis operation. Only a
 * process whose death is uncertain (its {@code kill-process} crashed, or its spawn completed while
 * its node was being killed) is left out: its calls are not checked and its PID is removed from every
 * read; they are counted as {@code calls-left-out}.
 */
public final class LocalLinearizability {

  public static final String NAME = "local-linearizability";

  private LocalLinearizability() {}

  public static CheckResult check(History history) {
    Map<String, List<Operation>> byNode = new TreeMap<>();
    Deaths deaths = Deaths.of(history);
    long leftOut = 0;
    for (History.Call c : history.calls()) {
      Keyword f = c.invoke().f();
      boolean local = f.equals(PgOps.JOIN) || f.equals(PgOps.LEAVE) || f.equals(PgOps.GET_LOCAL_MEMBERS);
      if (!local && !f.equals(PgOps.KILL_PROCESS)) {
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<Keyword, Object> args = (Map<Keyword, Object>) c.invoke().value();
      if (deaths.uncertain.contains(args.get(PgOps.PID)) && !f.equals(PgOps.GET_LOCAL_MEMBERS)) {
        leftOut += local ? 1 : 0;
        continue;
      }
      List<Operation> ops = byNode.computeIfAbsent((String) args.get(PgOps.NODE), n -> new ArrayList<>());
      if (f.equals(PgOps.KILL_PROCESS)) {
        if (c.outcome() == OpType.OK) {
          ops.add(exit(c.invoke(), OpType.INVOKE, c.invoke().process(), (String) args.get(PgOps.PID)));
          ops.add(exit(c.completion(), OpType.OK, c.invoke().process(), (String) args.get(PgOps.PID)));
        }
        continue;
      }
      ops.add(local(c.invoke(), deaths.uncertain));
      if (c.completion() != null) {
        ops.add(local(c.completion(), deaths.uncertain));
      }
    }
    deaths.nodeKills(byNode, history);
    List<Problem> problems = new ArrayList<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    long undecided = 0;
    SlotChecker checker = new SlotChecker();
    for (Map.Entry<String, List<Operation>> node : byNode.entrySet()) {
      List<Operation> ops = node.getValue();
      ops.sort(Comparator.comparingLong(Operation::index));
      SlotCheckResult result = checker.check(new History(ops));
      for (SlotCheckResult.Violation v : result.violations()) {
        problems.add(new Problem("not-linearizable", "node " + node.getKey() + ": " + v.text(),
            List.of(v.failingIndex())));
      }
      undecided += result.verdict() == SlotCheckResult.Verdict.UNKNOWN && result.count("calls") > 0 ? 1 : 0;
      for (String count : List.of("calls", "calls-decided", "configurations")) {
        counts.merge(count, result.count(count), Long::sum);
      }
    }
    counts.put("nodes", (long) byNode.size());
    counts.put("undecided-nodes", undecided);
    counts.put("calls-left-out", leftOut);
    counts.put("exits", deaths.exits);
    return CheckResult.of(NAME, problems, undecided > 0 ? 0 : counts.getOrDefault("calls", 0L), counts);
  }

  /** Where a process was spawned, and the index its spawn completed at. */
  private record Spawn(String node, long index) {}

  /** Which processes died when: the uncertain ones, and the node kills as exits. */
  private static final class Deaths {
    final Set<String> uncertain = new HashSet<>();
    final Map<String, Spawn> spawned = new HashMap<>();
    long exits;
    int nextProcess;

    static Deaths of(History history) {
      Deaths d = new Deaths();
      for (History.Call c : history.calls()) {
        d.nextProcess = Math.max(d.nextProcess, c.invoke().process() + 1);
        Map<?, ?> args = (Map<?, ?>) c.invoke().value();
        if (c.invoke().f().equals(PgOps.SPAWN) && c.outcome() == OpType.OK) {
          Map<?, ?> result = (Map<?, ?>) c.completion().value();
          d.spawned.put((String) result.get(PgOps.PID),
              new Spawn((String) result.get(PgOps.NODE), c.completion().index()));
        } else if (c.invoke().f().equals(PgOps.KILL_PROCESS) && c.outcome() == OpType.INFO) {
          d.uncertain.add((String) args.get(PgOps.PID));
        }
      }
      d.spawnedDuringNodeKills(history);
      return d;
    }

    /** The nemesis's node kills, each an invocation and a completion, both {@code :info}. */
    private static List<Operation[]> nodeKills(History history) {
      List<Operation> nemesis = history.operations().stream().filter(o -> !o.isClient()).toList();
      List<Operation[]> kills = new ArrayList<>();
      for (int i = 0; i + 1 < nemesis.size(); i += 2) {
        if (nemesis.get(i).f().equals(PgOps.KILL_NODE)) {
          kills.add(new Operation[] {nemesis.get(i), nemesis.get(i + 1)});
        }
      }
      return kills;
    }

    private void spawnedDuringNodeKills(History history) {
      for (Operation[] kill : nodeKills(history)) {
        spawned.forEach((pid, at) -> {
          if (at.node().equals(String.valueOf(kill[0].value())) && at.index() > kill[0].index()
              && at.index() < kill[1].index()) {
            uncertain.add(pid);
          }
        });
      }
    }

    /** Adds to each node's calls an exit of every PID spawned there before a kill of the node. */
    void nodeKills(Map<String, List<Operation>> byNode, History history) {
      for (Operation[] kill : nodeKills(history)) {
        String node = String.valueOf(kill[0].value());
        spawned.forEach((pid, at) -> {
          if (at.node().equals(node) && at.index() < kill[0].index() && !uncertain.contains(pid)) {
            List<Operation> ops = byNode.computeIfAbsent(node, n -> new ArrayList<>());
            ops.add(exit(kill[0], OpType.INVOKE, nextProcess, pid));
            ops.add(exit(kill[1], OpType.OK, nextProcess++, pid));
            exits++;
          }
        });
      }
    }
  }

  /** One half of an exit call of {@code pid}, at {@code at}'s index and time. */
  private static Operation exit(Operation at, OpType type, int process, String pid) {
    return new Operation(at.index(), at.time(), type, process, MembershipOps.EXIT, MembershipOps.exit(pid));
  }

  /** The op in the model's shape: the read's name as the specification spells it, uncertain PIDs dropped. */
  private static Operation local(Operation op, Set<String> gone) {
    Keyword f = op.f().equals(PgOps.GET_LOCAL_MEMBERS) ? MembershipOps.GET_LOCAL_MEMBERS : op.f();
    Object value = op.value();
    if (value instanceof Map<?, ?> m && m.get(PgOps.MEMBERS) instanceof List<?> members) {
      Map<Keyword, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put((Keyword) k, v));
      copy.put(PgOps.MEMBERS, members.stream().filter(p -> !gone.contains(p)).toList());
      value = copy;
    }
    return new Operation(op.index(), op.time(), op.type(), op.process(), f, value, op.extra());
  }
}
