package dev.procgroups.model.checkers;

import dev.procgroups.model.history.History;
import dev.procgroups.model.history.Keyword;
import dev.procgroups.model.history.OpType;
import dev.procgroups.model.history.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a workload history (written with the shapes of {@link PgOps}) into the inputs of the
 * checkers, so that a stored {@code history.edn} can be checked again offline.
 */
public final class PgHistory {

  private final List<History.Call> calls;
  private final List<Operation> nemesis;
  private final long end;

  public PgHistory(History history) {
    this.calls = history.calls();
    this.nemesis = history.operations().stream().filter(o -> !o.isClient()).toList();
    this.end = history.operations().stream().mapToLong(Operation::time).max().orElse(0);
  }

  /** Every join and leave. */
  public List<MembershipOp> membership() {
    List<MembershipOp> ops = new ArrayList<>();
    for (History.Call c : calls(PgOps.JOIN, PgOps.LEAVE)) {
      Map<Keyword, Object> v = args(c);
      ops.add(
          new MembershipOp(
              op(c),
              str(v, PgOps.PID),
              str(v, PgOps.GROUP),
              c.invoke().f().equals(PgOps.JOIN)
                  ? MembershipOp.Change.JOIN
                  : MembershipOp.Change.LEAVE,
              c.invoke().time(),
              completeTime(c),
              outcome(c)));
    }
    return ops;
  }

  /** Every numbered broadcast. */
  public List<BroadcastSend> sends() {
    List<BroadcastSend> sends = new ArrayList<>();
    for (History.Call c : calls(PgOps.BROADCAST)) {
      Map<Keyword, Object> v = args(c);
      sends.add(
          new BroadcastSend(
              op(c),
              str(v, PgOps.PID),
              str(v, PgOps.GROUP),
              num(v, PgOps.MESSAGE),
              c.invoke().time(),
              completeTime(c),
              outcome(c)));
    }
    return sends;
  }

  /** The last successful read of each process's received messages. */
  public List<ReceiverLog> receiverLogs() {
    Map<String, ReceiverLog> last = new LinkedHashMap<>();
    for (History.Call c : calls(PgOps.RECEIVED)) {
      if (outcome(c) == Outcome.OK) {
        Map<Keyword, Object> v = result(c);
        List<ReceiverLog.Delivery> got = new ArrayList<>();
        for (Map<Keyword, Object> m : maps(v, PgOps.MESSAGES)) {
          got.add(new ReceiverLog.Delivery(str(m, PgOps.FROM), num(m, PgOps.MESSAGE)));
        }
        String pid = str(v, PgOps.PID);
        last.put(pid, new ReceiverLog(pid, op(c), completeTime(c), got));
      }
    }
    return List.copyOf(last.values());
  }

  /**
   * Every subscription the monitor call opened, with the events of its reads in order. A read
   * belongs to it if it could have reached it while it lived: the same id on the same node, between
   * the monitor call and the kill of its node that ended it (a restarted node reuses ids). A read
   * that got no answer, or that another subscription with the same id could have served, may have
   * drained events the harness never saw: it counts as a drop, like a buffer overflow.
   */
  public List<Subscription> subscriptions() {
    List<SubscriptionReads> opened = new ArrayList<>();
    for (History.Call m : calls(PgOps.MONITOR)) {
      if (outcome(m) != Outcome.OK) {
        continue;
      }
      Map<Keyword, Object> v = result(m);
      String node = str(v, PgOps.NODE);
      long invoked = m.invoke().time();
      opened.add(
          new SubscriptionReads(
              op(m),
              node,
              str(v, PgOps.SUBSCRIPTION),
              str(v, PgOps.GROUP),
              strings(v, PgOps.MEMBERS),
              invoked,
              killedAfter(node, invoked)));
    }
    for (History.Call r : calls(PgOps.MONITOR_READ)) {
      Map<Keyword, Object> a = args(r);
      List<SubscriptionReads> reached =
          opened.stream()
              .filter(
                  s ->
                      s.couldServe(
                          str(a, PgOps.NODE),
                          str(a, PgOps.SUBSCRIPTION),
                          r.invoke().time(),
                          completeTime(r)))
              .toList();
      if (reached.size() == 1 && outcome(r) == Outcome.OK) {
        Map<Keyword, Object> v = result(r);
        reached
            .get(0)
            .read(
                op(r),
                events(v),
                num(v, PgOps.DROPPED),
                Boolean.TRUE.equals(v.get(PgOps.FINAL)) ? strings(v, PgOps.VIEW) : null);
      } else if (outcome(r) != Outcome.FAIL) {
        reached.forEach(s -> s.lost(op(r)));
      }
    }
    return opened.stream().map(SubscriptionReads::subscription).toList();
  }

  private static List<MonitorEvent> events(Map<Keyword, Object> read) {
    List<MonitorEvent> events = new ArrayList<>();
    for (Map<Keyword, Object> e : maps(read, PgOps.EVENTS)) {
      MonitorEvent.Kind kind =
          "member.left".equals(str(e, PgOps.KIND))
              ? MonitorEvent.Kind.LEFT
              : MonitorEvent.Kind.JOINED;
      events.add(new MonitorEvent(kind, str(e, PgOps.GROUP), strings(e, PgOps.PIDS)));
    }
    return events;
  }

  /**
   * The completion time of the first kill of {@code node} that ended after {@code time} (a JVM that
   * served a call invoked at {@code time} is dead by then), {@link Long#MAX_VALUE} if none did.
   */
  private long killedAfter(String node, long time) {
    for (int i = 0; i + 1 < nemesis.size(); i += 2) {
      Operation done = nemesis.get(i + 1);
      if (done.f().equals(PgOps.KILL_NODE)
          && node.equals(String.valueOf(done.value()))
          && done.time() > time) {
        return done.time();
      }
    }
    return Long.MAX_VALUE;
  }

  /**
   * The stretches in which no fault was in force (a transparent one, a clock step, does not count):
   * from the end of the operation that undid the last fault in force to the start of the next fault
   * (nemesis operations come in pairs, start and completion, both {@code :info}; faults may nest).
   * No settling delay: the broadcast checker decides from the history when a view had caught up.
   */
  public List<Window> faultFree() {
    List<Window> windows = new ArrayList<>();
    Set<String> inForce = new HashSet<>();
    long since = 0;
    for (int i = 0; i < nemesis.size(); i++) {
      Operation o = nemesis.get(i);
      PgOps.FaultKey key = PgOps.FAULTS.get(o.f());
      if (key == null || key.transparent() || key.begins() != (i % 2 == 0)) {
        continue;
      }
      boolean was = inForce.isEmpty();
      if (key.begins()) {
        inForce.add(key.of(o.value()));
      } else {
        inForce.remove(key.of(o.value()));
      }
      if (was && !inForce.isEmpty()) {
        windows.add(new Window(since, o.time(), false));
      } else if (!was && inForce.isEmpty()) {
        since = o.time();
      }
    }
    if (inForce.isEmpty()) {
      windows.add(new Window(since, Math.max(since, end), true));
    }
    return windows;
  }

  /** Every ok {@code get_members}: a moment of that node's view. */
  public List<ViewRead> views() {
    List<ViewRead> views = new ArrayList<>();
    for (History.Call c : calls(PgOps.GET_MEMBERS)) {
      if (outcome(c) == Outcome.OK) {
        Map<Keyword, Object> v = result(c);
        views.add(
            new ViewRead(
                str(v, PgOps.NODE),
                str(v, PgOps.GROUP),
                strings(v, PgOps.MEMBERS),
                c.invoke().time(),
                completeTime(c)));
      }
    }
    return views;
  }

  /** The broadcast checker's input. */
  public BroadcastHistory broadcast() {
    return new BroadcastHistory(membership(), sends(), receiverLogs(), faultFree(), views());
  }

  /** The convergence checker's input: the last final read of each node and who lives. */
  public ConvergenceInput convergence() {
    Map<String, NodeView> views = new LinkedHashMap<>();
    Set<String> asked = new HashSet<>();
    for (History.Call c : calls(PgOps.FINAL_READ)) {
      asked.add(str(args(c), PgOps.NODE));
      if (outcome(c) != Outcome.OK) {
        continue;
      }
      Map<Keyword, Object> v = result(c);
      Map<String, List<String>> members = new LinkedHashMap<>();
      Map<String, List<String>> local = new LinkedHashMap<>();
      for (Map<Keyword, Object> g : maps(v, PgOps.GROUPS)) {
        members.put(str(g, PgOps.GROUP), strings(g, PgOps.MEMBERS));
        local.put(str(g, PgOps.GROUP), strings(g, PgOps.LOCAL));
      }
      Set<String> which =
          v.containsKey(PgOps.WHICH_GROUPS) ? Set.copyOf(strings(v, PgOps.WHICH_GROUPS)) : null;
      String node = str(v, PgOps.NODE);
      views.put(node, new NodeView(node, op(c), members, local, which));
    }
    Lives lives = lives();
    return new ConvergenceInput(
        List.copyOf(views.values()),
        asked.size(),
        lives.live(),
        lives.dead(),
        lives.uncertain(),
        membership());
  }

  /**
   * The incarnation {@code node} had at {@code time}, as {@code "n1 incarnation 2 "}: one more than
   * the times it had been killed before.
   */
  public String incarnation(String node, long time) {
    long kills = 0;
    for (int i = 0; i < nemesis.size(); i += 2) {
      Operation o = nemesis.get(i);
      kills +=
          o.f().equals(PgOps.KILL_NODE) && node.equals(String.valueOf(o.value())) && o.time() < time
              ? 1
              : 0;
    }
    return node + " incarnation " + (kills + 1) + " ";
  }

  /** Which spawned processes live at the end, which died, and which may have. */
  record Lives(Set<String> live, Set<String> dead, Set<String> uncertain) {}

  Lives lives() {
    Map<String, String> nodeOf = new HashMap<>();
    Map<String, Long> spawnedAt = new HashMap<>();
    for (History.Call c : calls(PgOps.SPAWN)) {
      if (outcome(c) == Outcome.OK) {
        Map<Keyword, Object> v = result(c);
        nodeOf.put(str(v, PgOps.PID), str(v, PgOps.NODE));
        spawnedAt.put(str(v, PgOps.PID), completeTime(c));
      }
    }
    Set<String> dead = new HashSet<>();
    Set<String> uncertain = new HashSet<>();
    for (History.Call c : calls(PgOps.KILL_PROCESS)) {
      String pid = str(args(c), PgOps.PID);
      if (outcome(c) == Outcome.OK) {
        dead.add(pid);
      } else if (outcome(c) == Outcome.INFO) {
        uncertain.add(pid);
      }
    }
    for (int i = 0; i < nemesis.size(); i += 2) {
      Operation kill = nemesis.get(i);
      if (kill.f().equals(PgOps.KILL_NODE)) {
        nodeOf.forEach(
            (pid, node) -> {
              if (node.equals(String.valueOf(kill.value())) && spawnedAt.get(pid) <= kill.time()) {
                dead.add(pid);
              }
            });
      }
    }
    uncertain.removeAll(dead);
    Set<String> live = new HashSet<>(nodeOf.keySet());
    live.removeAll(dead);
    live.removeAll(uncertain);
    return new Lives(live, dead, uncertain);
  }

  private List<History.Call> calls(Keyword... fs) {
    Set<Keyword> wanted = Set.of(fs);
    return calls.stream().filter(c -> wanted.contains(c.invoke().f())).toList();
  }

  private static long op(History.Call c) {
    return c.completion() == null ? c.invoke().index() : c.completion().index();
  }

  private static long completeTime(History.Call c) {
    return c.completion() == null ? Long.MAX_VALUE : c.completion().time();
  }

  private static Outcome outcome(History.Call c) {
    OpType t = c.outcome();
    return t == OpType.OK ? Outcome.OK : t == OpType.FAIL ? Outcome.FAIL : Outcome.INFO;
  }

  private static Map<Keyword, Object> args(History.Call c) {
    return asMap(c.invoke().value(), c.invoke());
  }

  private static Map<Keyword, Object> result(History.Call c) {
    return asMap(c.completion().value(), c.completion());
  }

  @SuppressWarnings("unchecked")
  private static Map<Keyword, Object> asMap(Object value, Operation op) {
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(
          "operation " + op.index() + " " + op.f() + ": value is not a map");
    }
    return (Map<Keyword, Object>) value;
  }

  private static String str(Map<Keyword, Object> m, Keyword k) {
    Object v = m.get(k);
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException("expected a string at " + k + " in " + m);
    }
    return s;
  }

  private static long num(Map<Keyword, Object> m, Keyword k) {
    Object v = m.get(k);
    return v instanceof Long n ? n : 0;
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Map<Keyword, Object> m, Keyword k) {
    Object v = m.get(k);
    return v == null ? List.of() : (List<String>) v;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<Keyword, Object>> maps(Map<Keyword, Object> m, Keyword k) {
    Object v = m.get(k);
    return v == null ? List.of() : (List<Map<Keyword, Object>>) v;
  }
}
