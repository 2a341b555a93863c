package dev.procgroups.model.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Jepsen history: operations in the order they happened. Every client process alternates an
 * {@code :invoke} with one completion ({@code :ok}, {@code :fail} or {@code :info}) of the same
 * {@code :f}; a process may end with an invocation that never completed. Nemesis operations are
 * kept but never paired.
 */
public record History(List<Operation> operations) {

  public History {
    operations = List.copyOf(operations);
  }

  public static History of(Operation... operations) {
    return new History(List.of(operations));
  }

  public int size() {
    return operations.size();
  }

  public Operation get(int position) {
    return operations.get(position);
  }

  /** The same operations with {@code :index} set to their position. */
  public History reindexed() {
    List<Operation> out = new ArrayList<>(operations.size());
    for (int i = 0; i < operations.size(); i++) {
      out.add(operations.get(i).withIndex(i));
    }
    return new History(out);
  }

  /**
   * Pairs every client invocation with its completion, in invocation order. Throws {@link
   * IllegalArgumentException} naming the index of the first operation that breaks the alternation
   * rule.
   */
  public List<Call> calls() {
    List<Call> calls = new ArrayList<>();
    Map<Integer, Integer> open = new HashMap<>();
    for (int position = 0; position < operations.size(); position++) {
      Operation op = operations.get(position);
      if (!op.isClient()) {
        continue;
      }
      Integer pending = open.get(op.process());
      if (op.type() == OpType.INVOKE) {
        if (pending != null) {
          throw problem(
              op,
              "process "
                  + op.process()
                  + " invokes again while index "
                  + calls.get(pending).invoke().index()
                  + " is still open");
        }
        open.put(op.process(), calls.size());
        calls.add(new Call(op, position, null, -1));
      } else {
        if (pending == null) {
          throw problem(op, "completion without an open invocation of process " + op.process());
        }
        Call call = calls.get(pending);
        if (!call.invoke().f().equals(op.f())) {
          throw problem(
              op, "completion " + op.f() + " does not match invocation " + call.invoke().f());
        }
        calls.set(pending, new Call(call.invoke(), call.invokePosition(), op, position));
        open.remove(op.process());
      }
    }
    return List.copyOf(calls);
  }

  private static IllegalArgumentException problem(Operation op, String message) {
    return new IllegalArgumentException("operation with index " + op.index() + ": " + message);
  }

  /**
   * One client call: its invocation and its completion (null when the history ends before it
   * completed, which counts as {@code :info}). Positions are offsets in {@link #operations()}.
   */
  public record Call(
      Operation invoke, int invokePosition, Operation completion, int completionPosition) {

    /** The outcome: the completion's type, or {@link OpType#INFO} when it never completed. */
    public OpType outcome() {
      return completion == null ? OpType.INFO : completion.type();
    }
  }
}
