package dev.procgroups.model.linearizability;

import dev.procgroups.model.history.History;
import dev.procgroups.model.history.OpType;
import dev.procgroups.model.history.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An independent oracle for small membership histories: its own plain reading of the calls (no
 * pending-effect bookkeeping, no memo, no event list), and every order of the calls that respects
 * real time, a crashed call taking effect at any point after its invocation or never.
 */
public final class BruteForce {

  private record Call(History.Call call, UnaryOperator<MembershipState> effect) {
    boolean mustHappen() {
      return call.outcome() != OpType.INFO;
    }
  }

  private final List<Call> calls = new ArrayList<>();

  public BruteForce(History history) {
    for (History.Call call : history.calls()) {
      UnaryOperator<MembershipState> effect = effect(call);
      if (effect != null) {
        calls.add(new Call(call, effect));
      }
    }
    if (calls.size() > 30) {
      throw new IllegalArgumentException("too many calls for brute force: " + calls.size());
    }
  }

  /**
   * What the call does to the plain slots, null when nothing to check; the operator returns null if
   * impossible.
   */
  private static UnaryOperator<MembershipState> effect(History.Call call) {
    Operation invoke = call.invoke();
    Map<?, ?> value = (Map<?, ?>) invoke.value();
    String group = (String) value.get(MembershipOps.GROUP);
    String pid = (String) value.get(MembershipOps.PID);
    OpType outcome = call.outcome();
    if (invoke.f().equals(MembershipOps.JOIN)) {
      return outcome == OpType.FAIL ? null : s -> s.join(group, pid);
    }
    if (invoke.f().equals(MembershipOps.LEAVE)) {
      if (outcome == OpType.FAIL) {
        boolean invalid = "INVALID".equals(MembershipOps.errorKind(call.completion().error()));
        return invalid ? s -> s.hasSlot(group, pid) ? null : s : null;
      }
      return outcome == OpType.OK
          ? s -> s.hasSlot(group, pid) ? s.leave(group, pid) : null
          : s -> s.hasSlot(group, pid) ? s.leave(group, pid) : s;
    }
    if (outcome != OpType.OK) {
      return null;
    }
    List<String> seen = new ArrayList<>(MembershipOpsTestView.members(call.completion().value()));
    seen.sort(null);
    return s -> s.members(group).equals(seen) ? s : null;
  }

  public boolean linearizable() {
    return search(MembershipState.EMPTY, 0);
  }

  private boolean search(MembershipState state, int placed) {
    if (allRequiredPlaced(placed)) {
      return true;
    }
    for (int c = 0; c < calls.size(); c++) {
      if ((placed & (1 << c)) == 0 && mayGoNext(c, placed)) {
        MembershipState next = calls.get(c).effect().apply(state);
        if (next != null && search(next, placed | (1 << c))) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean allRequiredPlaced(int placed) {
    for (int c = 0; c < calls.size(); c++) {
      if (calls.get(c).mustHappen() && (placed & (1 << c)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** No unplaced call that must happen returned before {@code c} was invoked. */
  private boolean mayGoNext(int c, int placed) {
    int invoked = calls.get(c).call().invokePosition();
    for (int d = 0; d < calls.size(); d++) {
      Call other = calls.get(d);
      if (d != c
          && (placed & (1 << d)) == 0
          && other.mustHappen()
          && other.call().completionPosition() < invoked) {
        return false;
      }
    }
    return true;
  }
}
