package dev.procgroups.model.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a history as it happens, assigning indices in order and remembering each process's open
 * invocation so completions need not repeat {@code :f}. Safe to call from several threads.
 */
public final class HistoryBuilder {

  private final List<Operation> operations = new ArrayList<>();
  private final Map<Integer, Keyword> openCalls = new HashMap<>();

  public synchronized Operation invoke(int process, Keyword f, Object value, long time) {
    if (process != Operation.NEMESIS && openCalls.putIfAbsent(process, f) != null) {
      throw new IllegalStateException("process " + process + " already has an open invocation");
    }
    return add(new Operation(operations.size(), time, OpType.INVOKE, process, f, value));
  }

  public synchronized Operation ok(int process, Object value, long time) {
    return complete(OpType.OK, process, value, Map.of(), time);
  }

  /** A definite failure; {@code error} becomes the {@code :error} entry. */
  public synchronized Operation fail(int process, Object value, Object error, long time) {
    return complete(OpType.FAIL, process, value, Map.of(Operation.ERROR, error), time);
  }

  /** An unknown outcome; {@code error} (may be null) becomes the {@code :error} entry. */
  public synchronized Operation info(int process, Object value, Object error, long time) {
    return complete(
        OpType.INFO,
        process,
        value,
        error == null ? Map.of() : Map.of(Operation.ERROR, error),
        time);
  }

  /** A nemesis event, which is not paired. */
  public synchronized Operation nemesis(OpType type, Keyword f, Object value, long time) {
    return nemesis(type, f, value, Map.of(), time);
  }

  /** A nemesis event with extra entries (such as what the action found). */
  public synchronized Operation nemesis(
      OpType type, Keyword f, Object value, Map<Keyword, Object> extra, long time) {
    return add(new Operation(operations.size(), time, type, Operation.NEMESIS, f, value, extra));
  }

  public synchronized History build() {
    return new History(operations);
  }

  private Operation complete(
      OpType type, int process, Object value, Map<Keyword, Object> extra, long time) {
    Keyword f = openCalls.remove(process);
    if (f == null) {
      throw new IllegalStateException("process " + process + " has no open invocation");
    }
    return add(new Operation(operations.size(), time, type, process, f, value, extra));
  }

  private Operation add(Operation op) {
    operations.add(op);
    return op;
  }
}
