package dev.procgroups.model.linearizability;

import dev.procgroups.model.history.History;
import dev.procgroups.model.history.HistoryBuilder;
import dev.procgroups.model.history.Keyword;
import dev.procgroups.model.history.OpType;

/**
 * Knossos' classic read/write register (state: a long, initially 0), in test code: it shows the
 * checker is generic, and its writes do not commute, so the same set of calls can end in different
 * states — which is what a memo key without the state gets wrong.
 */
final class RegisterSpecification implements Specification<Long> {

  static final Keyword WRITE = Keyword.of("write");
  static final Keyword READ = Keyword.of("read");

  @Override
  public Long initialState() {
    return 0L;
  }

  @Override
  public Transition<Long> transition(History.Call call) {
    if (call.invoke().f().equals(WRITE)) {
      long value = (Long) call.invoke().value();
      return state -> call.outcome() == OpType.FAIL ? state : value;
    }
    if (call.outcome() != OpType.OK) {
      return state -> state;
    }
    long seen = (Long) call.completion().value();
    return state -> state == seen ? state : null;
  }

  /**
   * {@code "0 w 1"} writes 1, {@code "1 r"} reads, {@code "1 ok 2"} completes a read with 2, {@code
   * "0 ok"} a write.
   */
  static History parse(String... lines) {
    HistoryBuilder b = new HistoryBuilder();
    long time = 0;
    for (String line : lines) {
      String[] w = line.split(" ");
      int p = Integer.parseInt(w[0]);
      time += 10;
      switch (w[1]) {
        case "w" -> b.invoke(p, WRITE, Long.parseLong(w[2]), time);
        case "r" -> b.invoke(p, READ, null, time);
        case "ok" -> b.ok(p, w.length > 2 ? Long.parseLong(w[2]) : null, time);
        case "info" -> b.info(p, null, null, time);
        default -> throw new IllegalArgumentException(line);
      }
    }
    return b.build();
  }
}
