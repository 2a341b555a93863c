package dev.procgroups.model.linearizability;

import dev.procgroups.model.history.History;
import dev.procgroups.model.history.Keyword;
import dev.procgroups.model.history.OpType;
import dev.procgroups.model.history.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Changes the outcome of one completed call of a membership history. */
public final class Corruption {

  private Corruption() {}

  /** The completions a corruption may change, as positions. */
  public static List<Integer> targets(History history) {
    List<Integer> positions = new ArrayList<>();
    for (History.Call call : history.calls()) {
      if (call.completion() != null) {
        positions.add(call.completionPosition());
      }
    }
    return positions;
  }

  public static History corrupt(History history, int position, Random random) {
    Operation op = history.get(position);
    Operation changed = change(op, random);
    List<Operation> ops = new ArrayList<>(history.operations());
    ops.set(position, changed);
    return new History(ops);
  }

  private static Operation change(Operation op, Random random) {
    if (random.nextInt(5) == 0) {
      return withOutcome(op, OpType.INFO, op.value(), null);
    }
    boolean read =
        op.f().equals(MembershipOps.GET_MEMBERS) || op.f().equals(MembershipOps.GET_LOCAL_MEMBERS);
    if (read) {
      Map<?, ?> value = (Map<?, ?>) op.value();
      String group = value == null ? "g0" : (String) value.get(MembershipOps.GROUP);
      List<String> members = value == null ? new ArrayList<>() : new ArrayList<>(strings(value));
      if (!members.isEmpty() && random.nextBoolean()) {
        members.remove(random.nextInt(members.size()));
      } else {
        members.add("{n1@app:processes|" + String.format("%06x", random.nextInt(3)) + "}");
      }
      return withOutcome(op, OpType.OK, MembershipOps.readResult(group, members), null);
    }
    if (op.type() == OpType.OK) {
      Keyword error =
          op.f().equals(MembershipOps.LEAVE)
              ? MembershipOps.INVALID
              : Keyword.of("permission-denied");
      return withOutcome(op, OpType.FAIL, null, error);
    }
    return withOutcome(op, OpType.OK, null, null);
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Map<?, ?> value) {
    return (List<String>) value.get(MembershipOps.MEMBERS);
  }

  private static Operation withOutcome(Operation op, OpType type, Object value, Keyword error) {
    return new Operation(
        op.index(),
        op.time(),
        type,
        op.process(),
        op.f(),
        value,
        error == null ? Map.of() : Map.of(Operation.ERROR, error));
  }
}
