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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Each node incarnation's local calls — join, leave and {@code get_local_members} of its own
 * processes — must be linearizable against the single-node model ({@link MembershipSpecification},
 * checked by the {@link SlotChecker}, which falls back to the model's WGL search). A node killed
 * and restarted starts empty, so every incarnation is its own history (a call belongs to the
 * incarnation its node had when it was invoked; PID strings are reused by a new incarnation, so a
 * process is keyed by both). A process killed with {@code kill-process} loses all its slots: the
 * kill enters the history as one leave per slot it held, concurrent with the kill call, so the
 * process's calls are checked too. Only a process whose slot count at the kill is not known (a join
 * or leave or the kill itself got no answer) is left out, its PID removed from every read; its
 * calls count as unchecked.
 */
public final class LocalLinearizability {

  public static final String NAME = "local-linearizability";

  /** Process numbers of the synthetic leaves, far above any client's. */
  private static final int SYNTHETIC_PROCESS = 1_000_000;

  private LocalLinearizability() {}

  /** One op of a segment, ordered by its place in the run's history, then by {@code sub}. */
  private record Entry(long index, int sub, Operation op) {}

  public static CheckResult check(History history) {
    PgHistory pg = new PgHistory(history);
    Set<String> uncertain = uncertainSlots(history, pg);
    Map<String, List<Entry>> bySegment = new TreeMap<>();
    long localCalls = 0;
    long leftOut = 0;
    int synthetic = SYNTHETIC_PROCESS;
    for (History.Call c : history.calls()) {
      Keyword f = c.invoke().f();
      Map<Keyword, Object> args = args(c.invoke());
      String pid = (String) args.get(PgOps.PID);
      String segment = pg.incarnation(String.valueOf(args.get(PgOps.NODE)), c.invoke().time());
      if (f.equals(PgOps.KILL_PROCESS)
          && c.outcome() == OpType.OK
          && !uncertain.contains(segment + pid)) {
        List<Entry> ops = bySegment.computeIfAbsent(segment, k -> new ArrayList<>());
        for (Map.Entry<String, Long> held : heldAtKill(history, pg, segment, pid).entrySet()) {
          for (long i = 0; i < held.getValue(); i++) {
            synthetic++;
            Object slot = MembershipOps.slot(pid, held.getKey());
            ops.add(
                new Entry(
                    c.invoke().index(),
                    synthetic,
                    new Operation(
                        0, c.invoke().time(), OpType.INVOKE, synthetic, PgOps.LEAVE, slot)));
            ops.add(
                new Entry(
                    c.completion().index(),
                    synthetic,
                    new Operation(
                        0, c.completion().time(), OpType.OK, synthetic, PgOps.LEAVE, slot)));
          }
        }
        continue;
      }
      if (!(f.equals(PgOps.JOIN) || f.equals(PgOps.LEAVE) || f.equals(PgOps.GET_LOCAL_MEMBERS))) {
        continue;
      }
      localCalls++;
      if (uncertain.contains(segment + pid) && !f.equals(PgOps.GET_LOCAL_MEMBERS)) {
        leftOut++;
        continue;
      }
      List<Entry> ops = bySegment.computeIfAbsent(segment, k -> new ArrayList<>());
      ops.add(new Entry(c.invoke().index(), 0, local(c.invoke(), uncertain, segment)));
      if (c.completion() != null) {
        ops.add(new Entry(c.completion().index(), 0, local(c.completion(), uncertain, segment)));
      }
    }
    List<Problem> problems = new ArrayList<>();
    long undecided = 0;
    long checked = 0;
    SlotChecker checker = new SlotChecker();
    for (Map.Entry<String, List<Entry>> segment : bySegment.entrySet()) {
      List<Entry> entries = segment.getValue();
      entries.sort(Comparator.comparingLong(Entry::index).thenComparingInt(Entry::sub));
      List<Operation> ops = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        ops.add(entries.get(i).op().withIndex(i));
      }
      SlotCheckResult result = checker.check(new History(ops));
      long real =
          entries.stream().filter(e -> e.sub() == 0 && e.op().type() == OpType.INVOKE).count();
      for (SlotCheckResult.Violation v : result.violations()) {
        problems.add(
            new Problem(
                "not-linearizable",
                segment.getKey() + ": " + v.text(),
                List.of(entries.get((int) v.failingIndex()).index())));
      }
      // Unknown with no call that says anything (only failed calls, say) is nothing left to decide.
      if (result.verdict() != SlotCheckResult.Verdict.UNKNOWN || result.count("calls") == 0) {
        checked += real;
      } else {
        undecided++;
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("incarnations", (long) bySegment.size());
    counts.put("local-calls", localCalls);
    counts.put("left-out-calls", leftOut);
    counts.put("killed-processes-modelled", (long) synthetic - SYNTHETIC_PROCESS);
    counts.put("undecided-incarnations", undecided);
    return CheckResult.of(NAME, problems, checked, localCalls, counts);
  }

  /**
   * Processes whose slots at their kill are not known: the kill, or one of their joins or leaves,
   * got no answer. (A process never killed is modelled whatever its calls' outcomes.) Keyed by
   * incarnation and PID.
   */
  private static Set<String> uncertainSlots(History history, PgHistory pg) {
    Set<String> killed = new HashSet<>();
    Set<String> unanswered = new HashSet<>();
    for (History.Call c : history.calls()) {
      Keyword f = c.invoke().f();
      Map<Keyword, Object> args = args(c.invoke());
      String pid =
          pg.incarnation(String.valueOf(args.get(PgOps.NODE)), c.invoke().time())
              + args.get(PgOps.PID);
      if (f.equals(PgOps.KILL_PROCESS)) {
        killed.add(pid);
        if (c.outcome() != OpType.OK) {
          unanswered.add(pid);
        }
      } else if ((f.equals(PgOps.JOIN) || f.equals(PgOps.LEAVE)) && c.outcome() == OpType.INFO) {
        unanswered.add(pid);
      }
    }
    unanswered.retainAll(killed);
    return unanswered;
  }

  /** Slots per group {@code pid} held when it was killed: its ok joins less its ok leaves. */
  private static Map<String, Long> heldAtKill(
      History history, PgHistory pg, String segment, String pid) {
    Map<String, Long> held = new TreeMap<>();
    for (History.Call c : history.calls()) {
      Map<Keyword, Object> args = args(c.invoke());
      if (c.outcome() == OpType.OK
          && pid.equals(args.get(PgOps.PID))
          && segment.equals(
              pg.incarnation(String.valueOf(args.get(PgOps.NODE)), c.invoke().time()))) {
        long delta =
            c.invoke().f().equals(PgOps.JOIN) ? 1 : c.invoke().f().equals(PgOps.LEAVE) ? -1 : 0;
        if (delta != 0) {
          held.merge((String) args.get(PgOps.GROUP), delta, Long::sum);
        }
      }
    }
    held.values().removeIf(n -> n <= 0);
    return held;
  }

  @SuppressWarnings("unchecked")
  private static Map<Keyword, Object> args(Operation op) {
    return op.value() instanceof Map<?, ?> m ? (Map<Keyword, Object>) m : Map.of();
  }

  /**
   * The op in the model's shape: the read's name as the specification spells it, PIDs left out
   * dropped.
   */
  private static Operation local(Operation op, Set<String> gone, String segment) {
    Keyword f = op.f().equals(PgOps.GET_LOCAL_MEMBERS) ? MembershipOps.GET_LOCAL_MEMBERS : op.f();
    Object value = op.value();
    if (value instanceof Map<?, ?> m && m.get(PgOps.MEMBERS) instanceof List<?> members) {
      Map<Keyword, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put((Keyword) k, v));
      copy.put(PgOps.MEMBERS, members.stream().filter(p -> !gone.contains(segment + p)).toList());
      value = copy;
    }
    return new Operation(op.index(), op.time(), op.type(), op.process(), f, value, op.extra());
  }
}
