package dev.procgroups.model.linearizability.bench;

import dev.procgroups.model.history.History;
import dev.procgroups.model.history.Keyword;
import dev.procgroups.model.history.OpType;
import dev.procgroups.model.history.Operation;
import dev.procgroups.model.linearizability.MembershipOps;
import dev.procgroups.model.linearizability.MembershipState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Generates linearizable membership histories: calls are applied one by one to the sequential
 * model at increasing linearization points, and each call is given a real-time interval around its
 * point on a process that is free then, so intervals overlap at random. Some calls crash
 * ({@code :info}) and then either took effect at their point or never did; some reads fail.
 *
 * @param processes concurrent client processes
 * @param groups distinct group names
 * @param pids distinct PIDs
 * @param latency the longest time from invocation to the linearization point, and from it to completion
 * @param crashRate probability that a call completes {@code :info}
 */
public record RandomMembershipHistory(int processes, int groups, int pids, int latency, double crashRate) {

    private static final int GAP = 10;

    public History generate(int calls, long seed) {
        Random random = new Random(seed);
        MembershipState state = MembershipState.EMPTY;
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
            String pid = "{n1@app:processes|" + String.format("%06x", random.nextInt(pids)) + "}";
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
            } else {
                f = kind == 0 ? MembershipOps.GET_MEMBERS : MembershipOps.GET_LOCAL_MEMBERS;
                value = MembershipOps.read(group);
                result = crashed ? null : MembershipOps.readResult(group, shuffled(state.members(group), random));
            }
            events.add(new Operation(invoke, invoke, OpType.INVOKE, process, f, value));
            events.add(new Operation(complete, complete, type, process, f, result,
                    error == null ? java.util.Map.of() : java.util.Map.of(Operation.ERROR, error)));
        }
        // The index field carried the time so far: sort by it (invocations first on ties), then renumber.
        events.sort(Comparator.comparingLong(Operation::time).thenComparing(op -> op.type() != OpType.INVOKE));
        return new History(events).reindexed();
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
