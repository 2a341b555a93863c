package dev.procgroups.model.checkers;

import dev.procgroups.model.history.History;
import dev.procgroups.model.history.Keyword;
import dev.procgroups.model.history.Operation;
import dev.procgroups.model.linearizability.CheckResult.Linearizable;
import dev.procgroups.model.linearizability.CheckResult.NotLinearizable;
import dev.procgroups.model.linearizability.Counterexample;
import dev.procgroups.model.linearizability.LinearizabilityChecker;
import dev.procgroups.model.linearizability.MembershipOps;
import dev.procgroups.model.linearizability.MembershipSpecification;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Each node's local calls — join, leave and {@code get_local_members} of its own processes — must be
 * linearizable against the single-node model ({@link MembershipSpecification}, checked by the
 * model's WGL search). A process that died during the run (killed, or lost with its node's
 * incarnation) leaves its slots without a call the model would see, so its calls are left out and
 * its PID is removed from every read: what remains is the register of the survivors' slots.
 */
public final class LocalLinearizability {

  public static final String NAME = "local-linearizability";

  private LocalLinearizability() {}

  public static CheckResult check(History history) {
    PgHistory.Lives lives = new PgHistory(history).lives();
    Set<String> gone = new HashSet<>(lives.dead());
    gone.addAll(lives.uncertain());
    Map<String, List<Operation>> byNode = new TreeMap<>();
    for (History.Call c : history.calls()) {
      Keyword f = c.invoke().f();
      if (!(f.equals(PgOps.JOIN) || f.equals(PgOps.LEAVE) || f.equals(PgOps.GET_LOCAL_MEMBERS))) {
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<Keyword, Object> args = (Map<Keyword, Object>) c.invoke().value();
      if (gone.contains(args.get(PgOps.PID)) && !f.equals(PgOps.GET_LOCAL_MEMBERS)) {
        continue;
      }
      List<Operation> ops = byNode.computeIfAbsent((String) args.get(PgOps.NODE), n -> new ArrayList<>());
      ops.add(local(c.invoke(), gone));
      if (c.completion() != null) {
        ops.add(local(c.completion(), gone));
      }
    }
    List<Problem> problems = new ArrayList<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    long undecided = 0;
    long calls = 0;
    LinearizabilityChecker checker = new LinearizabilityChecker();
    for (Map.Entry<String, List<Operation>> node : byNode.entrySet()) {
      List<Operation> ops = node.getValue();
      ops.sort(java.util.Comparator.comparingLong(Operation::index));
      var result = checker.check(new History(ops), new MembershipSpecification());
      if (result instanceof Linearizable<?> l) {
        calls += l.callsChecked();
      } else if (result instanceof NotLinearizable<?> n) {
        Counterexample<?> c = n.counterexample();
        problems.add(new Problem("not-linearizable", "node " + node.getKey() + ": " + c.text(),
            List.of(c.failingIndex())));
      } else {
        undecided++;
      }
    }
    counts.put("nodes", (long) byNode.size());
    counts.put("calls", calls);
    counts.put("undecided-nodes", undecided);
    return CheckResult.of(NAME, problems, undecided > 0 ? 0 : calls, counts);
  }

  /** The op in the model's shape: the read's name as the specification spells it, dead PIDs dropped. */
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
