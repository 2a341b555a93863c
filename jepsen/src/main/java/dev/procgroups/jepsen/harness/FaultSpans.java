package dev.procgroups.jepsen.harness;

import dev.procgroups.model.checkers.PgOps;
import dev.procgroups.model.history.History;
import dev.procgroups.model.history.Keyword;
import dev.procgroups.model.history.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The stretches of a history in which a fault was in force, for shading the plots. */
record FaultSpans(List<Span> spans) {

  /** One fault from the start of its nemesis operation to the end of the one that undid it. */
  record Span(String label, long start, long end) {}

  private static final Map<Keyword, Keyword> UNDONE_BY = Map.of(
      PgOps.START_PARTITION, PgOps.STOP_PARTITION,
      PgOps.KILL_NODE, PgOps.START_NODE,
      PgOps.PAUSE_NODE, PgOps.RESUME_NODE);

  static FaultSpans of(History history) {
    List<Operation> nemesis = history.operations().stream().filter(o -> !o.isClient()).toList();
    long end = history.operations().isEmpty() ? 0 : history.operations().get(history.size() - 1).time();
    Map<Keyword, Operation> open = new HashMap<>();
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i + 1 < nemesis.size(); i += 2) {
      Operation first = nemesis.get(i);
      Operation done = nemesis.get(i + 1);
      if (UNDONE_BY.containsKey(first.f())) {
        open.put(UNDONE_BY.get(first.f()), first);
      } else {
        Operation started = open.remove(first.f());
        if (started != null) {
          spans.add(new Span(label(started), started.time(), done.time()));
        }
      }
    }
    open.values().forEach(o -> spans.add(new Span(label(o), o.time(), end)));
    return new FaultSpans(spans);
  }

  private static String label(Operation o) {
    return o.f().name() + " " + o.value();
  }
}
