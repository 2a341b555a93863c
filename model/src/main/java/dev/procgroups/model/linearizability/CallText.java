package dev.procgroups.model.linearizability;

import dev.procgroups.model.history.EdnWriter;
import dev.procgroups.model.history.History;
import dev.procgroups.model.history.Operation;

/**
 * One-line renderings of calls for counterexamples: {@code [3..9] process 1 :join {...} -> :ok
 * {...}}.
 */
public final class CallText {

  private CallText() {}

  public static String describe(History.Call call) {
    Operation invoke = call.invoke();
    Operation done = call.completion();
    StringBuilder out = new StringBuilder("[").append(invoke.index()).append("..");
    if (done != null) {
      out.append(done.index());
    }
    out.append("] process ")
        .append(invoke.process())
        .append(' ')
        .append(invoke.f())
        .append(' ')
        .append(EdnWriter.write(invoke.value()))
        .append(" -> ");
    if (done == null) {
      return out.append("(no completion)").toString();
    }
    out.append(done.type().keyword()).append(' ').append(EdnWriter.write(done.value()));
    if (done.error() != null) {
      out.append(" error ").append(EdnWriter.write(done.error()));
    }
    return out.toString();
  }

  static String brief(History.Call call) {
    return "["
        + call.invoke().index()
        + ".."
        + (call.completion() == null ? "" : call.completion().index())
        + "]";
  }
}
