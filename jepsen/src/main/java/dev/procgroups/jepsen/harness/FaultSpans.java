package dev.procgroups.jepsen.harness;

import dev.procgroups.model.checkers.PgOps;
import dev.procgroups.model.history.History;
import dev.procgroups.model.history.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The stretches of a history in which a fault was in force, for shading the plots. */
record FaultSpans(List<Span> spans) {

  /** One fault from the start of its nemesis operation to the end of the one that undid it. */
  record Span(String kind, String label, long start, long end) {}

  static FaultSpans of(History history) {
    List<Operation> nemesis = history.operations().stream().filter(o -> !o.isClient()).toList();
    long end =
        history.operations().isEmpty() ? 0 : history.operations().get(history.size() - 1).time();
    Map<String, Operation> open = new HashMap<>();
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i + 1 < nemesis.size(); i += 2) {
      Operation first = nemesis.get(i);
      Operation done = nemesis.get(i + 1);
      PgOps.FaultKey key = PgOps.FAULTS.get(first.f());
      if (key == null) {
        continue;
      }
      if (key.begins()) {
        // A fault begun again while in force (a full disk's node killed twice) keeps its start.
        open.putIfAbsent(key.of(first.value()), first);
      } else {
        Operation started = open.remove(key.of(first.value()));
        if (started != null) {
          spans.add(span(started, done.time()));
        }
      }
    }
    open.values().forEach(o -> spans.add(span(o, end)));
    return new FaultSpans(spans);
  }

  private static Span span(Operation o, long end) {
    return new Span(o.f().name(), o.f().name() + " " + o.value(), o.time(), end);
  }
}
