package dev.procgroups.model.linearizability;

import dev.procgroups.model.history.History;
import dev.procgroups.model.history.HistoryBuilder;
import dev.procgroups.model.history.Keyword;
import java.util.Arrays;
import java.util.List;

/**
 * A compact text form for hand-written membership histories, one event per line: {@code "0 join a
 * g"}, {@code "0 leave a g"}, {@code "1 read g"} / {@code "1 local g"} invoke; {@code "1 ok a a"}
 * completes (a read's members follow), {@code "0 fail invalid"}, {@code "0 info"}. Times are 10,
 * 20, 30, ...
 */
final class Script {

  private Script() {}

  static History parse(String... lines) {
    HistoryBuilder b = new HistoryBuilder();
    String[] groupOf = new String[100];
    long time = 0;
    for (String line : lines) {
      time += 10;
      String[] w = line.trim().split("\\s+");
      int p = Integer.parseInt(w[0]);
      switch (w[1]) {
        case "join" -> b.invoke(p, MembershipOps.JOIN, MembershipOps.slot(w[2], w[3]), time);
        case "leave" -> b.invoke(p, MembershipOps.LEAVE, MembershipOps.slot(w[2], w[3]), time);
        case "read", "local" -> {
          groupOf[p] = w[2];
          b.invoke(
              p,
              w[1].equals("read") ? MembershipOps.GET_MEMBERS : MembershipOps.GET_LOCAL_MEMBERS,
              MembershipOps.read(w[2]),
              time);
        }
        case "ok" ->
            b.ok(p, okValue(b, p, groupOf[p], Arrays.asList(w).subList(2, w.length)), time);
        case "fail" -> b.fail(p, null, Keyword.of(w[2]), time);
        case "info" -> b.info(p, null, null, time);
        default -> throw new IllegalArgumentException("bad script line: " + line);
      }
    }
    return b.build();
  }

  /** A read's ok value lists members; a join's or leave's ok value repeats the invocation's. */
  private static Object okValue(HistoryBuilder b, int process, String group, List<String> members) {
    History sofar = b.build();
    for (int i = sofar.size() - 1; i >= 0; i--) {
      if (sofar.get(i).process() == process) {
        Keyword f = sofar.get(i).f();
        boolean read =
            f.equals(MembershipOps.GET_MEMBERS) || f.equals(MembershipOps.GET_LOCAL_MEMBERS);
        return read ? MembershipOps.readResult(group, members) : sofar.get(i).value();
      }
    }
    throw new IllegalArgumentException("ok without invocation for process " + process);
  }
}
