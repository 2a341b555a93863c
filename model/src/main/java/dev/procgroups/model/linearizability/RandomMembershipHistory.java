package dev.procgroups.model.linearizability;

import dev.procgroups.model.history.History;
import dev.procgroups.model.history.Keyword;
import dev.procgroups.model.history.OpType;
import dev.procgroups.model.history.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates linearizable membership histories: calls are applied one by one to the sequential model
 * at increasing linearization points, and each call is given a real-time interval around its point
 * on a process that is free then, so intervals overlap at random. Some calls crash ({@code :info})
 * and then either took effect at their point or never did; some reads fail.
 *
 * @param processes concurrent client processes
 * @param groups distinct group names
 * @param pids distinct PIDs
 * @param latency the longest time from invocation to the linearization point, and from it to
 *     completion
 * @param crashRate probability that a call completes {@code :info}
 */
public record RandomMembershipHistory(
    int processes, int groups, int pids, int latency, double crashRate) {

  private static final int GAP = 10;

  public History generate(int calls, long seed) {
    return generate(calls, seed, false);
  }

  /**
   * The same history as {@link #generate} with one more call at the very end, after every other
   * call completed: a read of a group that lists the true final slots except one PID, of which it
   * lists one slot more than its ok and crashed joins minus its ok leaves could have left. No
   * linearization explains it, and a checker only finds that out after placing the whole history.
   */
  public History generateWithViolationAtEnd(int calls, long seed) {
    return generate(calls, seed, true);
  }

  private History generate(int calls, long seed, boolean violationAtEnd) {
    Random random = new Random(seed);
    MembershipState state = MembershipState.EMPTY;
    // Per "group pid": ok and crashed joins minus ok leaves, the most slots any linearization can
    // leave.
    Map<String, Integer> mostSlots = new HashMap<>();
    long[] freeAt = new long[processes];
    List<Operation> events = new ArrayList<>(2 * calls);
    long point = 0;
    for (int i = 0; i < calls; i++) {
      point += 1 + random.nextInt(GAP);
      int process = freeProcess(freeAt, point, random);
      while (process < 0) {
        point += GAP;
        process = freeProcess(freeAt, point, random);
      }
      long invoke = Math.max(freeAt[process] + 1, point - random.nextInt(latency + 1));
      long complete = point + random.nextInt(latency + 1);
      freeAt[process] = complete;
      String group = "g" + random.nextInt(groups);
      String pid = pid(random.nextInt(pids));
      boolean crashed = random.nextDouble() < crashRate;
      boolean takesEffect = !crashed || random.nextBoolean();
      Keyword f;
      Object value;
      OpType type = crashed ? OpType.INFO : OpType.OK;
      Object result = null;
      Keyword error = null;
      int kind = random.nextInt(2);
      // Half the calls write. A write joins with probability 0.8 / (1 + slots held), so groups stay
      // small; the other writes leave, which fails INVALID when there is no slot.
      boolean write = random.nextBoolean();
      if (write && random.nextInt(1 + slots(state, group, pid)) == 0 && random.nextInt(5) != 0) {
        f = MembershipOps.JOIN;
        value = MembershipOps.slot(pid, group);
        result = value;
        state = takesEffect ? state.join(group, pid) : state;
        mostSlots.merge(group + " " + pid, 1, Integer::sum);
      } else if (write) {
        f = MembershipOps.LEAVE;
        value = MembershipOps.slot(pid, group);
        result = value;
        boolean has = state.hasSlot(group, pid);
        if (!crashed && !has) {
          type = OpType.FAIL;
          error = MembershipOps.INVALID;
          result = null;
        }
        state = takesEffect && has ? state.leave(group, pid) : state;
        mostSlots.merge(group + " " + pid, type == OpType.OK ? -1 : 0, Integer::sum);
      } else {
        f = kind == 0 ? MembershipOps.GET_MEMBERS : MembershipOps.GET_LOCAL_MEMBERS;
        value = MembershipOps.read(group);
        result =
            crashed
                ? null
                : MembershipOps.readResult(group, shuffled(state.members(group), random));
      }
      events.add(new Operation(invoke, invoke, OpType.INVOKE, process, f, value));
      events.add(
          new Operation(
              complete,
              complete,
              type,
              process,
              f,
              result,
              error == null ? Map.of() : Map.of(Operation.ERROR, error)));
    }
    if (violationAtEnd) {
      long end = events.stream().mapToLong(Operation::time).max().orElse(0) + 1;
      String group = "g" + random.nextInt(groups);
      String pid = pid(random.nextInt(pids));
      List<String> members = new ArrayList<>(state.members(group));
      int most = mostSlots.getOrDefault(group + " " + pid, 0);
      for (int n = slots(state, group, pid); n <= most; n++) {
        members.add(pid);
      }
      events.add(
          new Operation(
              end, end, OpType.INVOKE, 0, MembershipOps.GET_MEMBERS, MembershipOps.read(group)));
      events.add(
          new Operation(
              end + 1,
              end + 1,
              OpType.OK,
              0,
              MembershipOps.GET_MEMBERS,
              MembershipOps.readResult(group, members)));
    }
    // The index field carried the time so far: sort by it (invocations first on ties), then
    // renumber.
    events.sort(
        Comparator.comparingLong(Operation::time).thenComparing(op -> op.type() != OpType.INVOKE));
    return new History(events).reindexed();
  }

  private static String pid(int n) {
    return "{n1@app:processes|" + String.format("%06x", n) + "}";
  }

  private static int slots(MembershipState state, String group, String pid) {
    return (int) state.members(group).stream().filter(pid::equals).count();
  }

  private int freeProcess(long[] freeAt, long point, Random random) {
    int start = random.nextInt(processes);
    for (int k = 0; k < processes; k++) {
      int p = (start + k) % processes;
      if (freeAt[p] < point) {
        return p;
      }
    }
    return -1;
  }

  private static List<String> shuffled(List<String> members, Random random) {
    String[] copy = members.toArray(new String[0]);
    for (int i = copy.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String t = copy[i];
      copy[i] = copy[j];
      copy[j] = t;
    }
    return Arrays.asList(copy);
  }
}
