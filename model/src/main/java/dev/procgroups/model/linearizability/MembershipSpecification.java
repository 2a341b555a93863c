package dev.procgroups.model.linearizability;

import dev.procgroups.model.history.History;
import dev.procgroups.model.history.Keyword;
import dev.procgroups.model.history.OpType;
import dev.procgroups.model.history.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One node's membership calls as a multiset-per-group register (the single-node rules of
 * SEMANTICS.md: every join adds a slot, every leave removes one, a leave without a slot is INVALID,
 * both reads list every local slot). Calls on different groups commute, so groups are partitions.
 * Call shapes: {@link MembershipOps}. Failures other than a leave's INVALID (permission, limits)
 * are outside this register: such a call had no effect and says nothing about the state.
 *
 * <p>A crashed join or leave is not searched over: it records a pending effect in the state ({@link
 * MembershipState#mayJoin}, {@link MembershipState#mayLeave}) that a later observation uses only
 * when it needs it — a read that lists one more slot, a leave that finds a slot, a leave that finds
 * none. Using as few as possible is never worse, since a crashed call may also never take effect;
 * so the search stays as cheap with crashes as without.
 */
public final class MembershipSpecification implements Specification<MembershipState> {

  @Override
  public MembershipState initialState() {
    return MembershipState.EMPTY;
  }

  @Override
  public Transition<MembershipState> transition(History.Call call) {
    Operation invoke = call.invoke();
    Keyword f = MembershipOps.canonical(invoke.f());
    String group = string(invoke.value(), MembershipOps.GROUP);
    if (f.equals(MembershipOps.JOIN)) {
      return new Join(group, string(invoke.value(), MembershipOps.PID), call.outcome());
    }
    if (f.equals(MembershipOps.LEAVE)) {
      return new Leave(group, string(invoke.value(), MembershipOps.PID), LeaveOutcome.of(call));
    }
    if (f.equals(MembershipOps.GET_MEMBERS) || f.equals(MembershipOps.GET_LOCAL_MEMBERS)) {
      return new Read(
          group, call.outcome() == OpType.OK ? observed(group, call.completion().value()) : null);
    }
    throw new IllegalArgumentException("unknown :f " + invoke.f());
  }

  /**
   * A join adds its slot; a crashed one records that it may add it (placed at once, see {@link
   * Transition#eager()}); a failed one had no effect and is left out.
   */
  public record Join(String group, String pid, OpType outcome)
      implements Transition<MembershipState> {
    @Override
    public MembershipState apply(MembershipState state) {
      return switch (outcome) {
        case OK -> state.join(group, pid);
        case INFO -> state.mayJoin(group, pid);
        default -> state;
      };
    }

    @Override
    public Object partition() {
      return group;
    }

    @Override
    public boolean matters() {
      return outcome != OpType.FAIL;
    }

    @Override
    public boolean eager() {
      return true;
    }
  }

  public enum LeaveOutcome {
    /** Removed a slot, so there was one (possibly added by a crashed join). */
    OK,
    /** Failed INVALID, so there was none (possibly after crashed leaves). */
    INVALID,
    /** Crashed: may remove a slot. */
    UNKNOWN,
    /** Failed for another reason: no effect, no information. */
    OTHER_FAILURE;

    static LeaveOutcome of(History.Call call) {
      return switch (call.outcome()) {
        case OK -> OK;
        case FAIL ->
            "INVALID".equals(MembershipOps.errorKind(call.completion().error()))
                ? INVALID
                : OTHER_FAILURE;
        default -> UNKNOWN;
      };
    }
  }

  public record Leave(String group, String pid, LeaveOutcome outcome)
      implements Transition<MembershipState> {
    @Override
    public MembershipState apply(MembershipState state) {
      return switch (outcome) {
        case OK ->
            state.hasSlot(group, pid) ? state.leave(group, pid) : state.useMayJoin(group, pid);
        case INVALID -> state.observe(group, without(state.members(group), pid));
        case UNKNOWN -> state.mayLeave(group, pid);
        case OTHER_FAILURE -> state;
      };
    }

    private static List<String> without(List<String> members, String pid) {
      return members.stream().filter(m -> !m.equals(pid)).toList();
    }

    @Override
    public Object partition() {
      return group;
    }

    @Override
    public boolean matters() {
      return outcome != LeaveOutcome.OTHER_FAILURE;
    }

    @Override
    public boolean eager() {
      return true;
    }
  }

  /**
   * A read that returned {@code expected} (sorted); one without a result ({@code null}) is left
   * out.
   */
  public record Read(String group, List<String> expected) implements Transition<MembershipState> {
    @Override
    public MembershipState apply(MembershipState state) {
      return expected == null ? state : state.observe(group, expected);
    }

    @Override
    public Object partition() {
      return group;
    }

    @Override
    public boolean matters() {
      return expected != null;
    }
  }

  private static List<String> observed(String group, Object result) {
    Object observedGroup = result instanceof Map<?, ?> m ? m.get(MembershipOps.GROUP) : null;
    if (observedGroup != null && !observedGroup.equals(group)) {
      throw new IllegalArgumentException(
          "read of group " + group + " completed with group " + observedGroup);
    }
    if (result instanceof Map<?, ?> map
        && map.get(MembershipOps.MEMBERS) instanceof List<?> list
        && list.stream().allMatch(String.class::isInstance)) {
      List<String> sorted = new ArrayList<>(list.stream().map(String.class::cast).toList());
      sorted.sort(null);
      return List.copyOf(sorted);
    }
    throw new IllegalArgumentException(
        "ok value needs a list of strings " + MembershipOps.MEMBERS + ", got " + result);
  }

  private static String string(Object value, Keyword key) {
    if (value instanceof Map<?, ?> map && map.get(key) instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("value needs a string " + key + ", got " + value);
  }
}
