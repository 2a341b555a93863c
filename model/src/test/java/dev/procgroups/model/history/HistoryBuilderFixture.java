package dev.procgroups.model.history;

/** Small hand-made histories for the history-package tests. */
final class HistoryBuilderFixture {

  static final Keyword JOIN = Keyword.of("join");

  History twoCalls() {
    HistoryBuilder b = new HistoryBuilder();
    b.invoke(0, JOIN, Values.map("pid", "p1", "group", "g"), 10);
    b.invoke(1, JOIN, Values.map("pid", "p2", "group", "g"), 11);
    b.ok(0, Values.map("pid", "p1", "group", "g"), 20);
    b.info(1, Values.map("pid", "p2", "group", "g"), Keyword.of("timeout"), 25);
    return b.build();
  }
}
