package dev.procgroups.model.checkers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks the state after the final heal and quiet period: every live node's {@code get_members}
 * equals the cluster truth (the union of every live node's local slots), no slot of a dead process
 * or dead incarnation survives anywhere, every local slot belongs to that node, each live process's
 * slot count agrees with its own joins and leaves, and {@code which_groups} lists exactly the
 * non-empty groups.
 */
public final class ConvergenceChecker {

  public static final String NAME = "convergence";

  private ConvergenceChecker() {}

  public static CheckResult check(ConvergenceInput in) {
    List<Problem> problems = new ArrayList<>();
    Set<String> groups = new TreeSet<>();
    in.views()
        .forEach(
            v -> {
              groups.addAll(v.members().keySet());
              groups.addAll(v.localMembers().keySet());
            });
    Map<String, Bag> truth = new HashMap<>();
    for (String g : groups) {
      List<String> all = new ArrayList<>();
      in.views().forEach(v -> all.addAll(v.localMembers().getOrDefault(g, List.of())));
      truth.put(g, Bag.of(all));
    }
    Map<String, Map<String, Slots>> slots = Slots.index(in.membership());
    for (NodeView v : in.views()) {
      checkLocalSlots(v, in, slots, problems);
      for (String g : groups) {
        Bag seen = Bag.of(v.members().getOrDefault(g, List.of()));
        if (!seen.equals(truth.get(g))) {
          problems.add(
              new Problem(
                  "diverged",
                  v.node()
                      + " sees "
                      + g
                      + " = "
                      + seen
                      + " but the live nodes' local"
                      + " slots are "
                      + truth.get(g)
                      + " (missing "
                      + truth.get(g).minus(seen)
                      + ", extra "
                      + seen.minus(truth.get(g))
                      + ")",
                  List.of(v.readOp())));
        }
        for (String pid : v.members().getOrDefault(g, List.of())) {
          if (in.deadPids().contains(pid)) {
            problems.add(
                new Problem(
                    "dead-slot",
                    v.node() + " still lists dead process " + pid + " in " + g,
                    List.of(v.readOp())));
          }
        }
      }
      if (v.whichGroups() != null) {
        Set<String> nonEmpty =
            truth.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        if (!new TreeSet<>(v.whichGroups()).equals(nonEmpty)) {
          problems.add(
              new Problem(
                  "which-groups",
                  v.node()
                      + " lists groups "
                      + new TreeSet<>(v.whichGroups())
                      + " but the non-empty groups are "
                      + nonEmpty,
                  List.of(v.readOp())));
        }
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("nodes", (long) in.views().size());
    counts.put("groups", (long) groups.size());
    counts.put("live-processes", (long) in.livePids().size());
    // Checked: the nodes whose final read answered, of those asked.
    return CheckResult.of(
        NAME, problems, in.views().size(), Math.max(in.nodesAsked(), in.views().size()), counts);
  }

  /** A node's local slots: only its own live processes, as many as their joins and leaves allow. */
  private static void checkLocalSlots(
      NodeView v,
      ConvergenceInput in,
      Map<String, Map<String, Slots>> slots,
      List<Problem> problems) {
    v.localMembers()
        .forEach(
            (g, pids) -> {
              Bag local = Bag.of(pids);
              for (String pid : local.asMap().keySet()) {
                if (!v.node().equals(nodeOf(pid))) {
                  problems.add(
                      new Problem(
                          "foreign-local",
                          v.node() + " lists " + pid + " as a local member of " + g,
                          List.of(v.readOp())));
                } else if (in.deadPids().contains(pid)) {
                  problems.add(
                      new Problem(
                          "dead-slot",
                          v.node() + " still has dead process " + pid + " locally in " + g,
                          List.of(v.readOp())));
                } else if (!in.livePids().contains(pid) && !in.uncertainPids().contains(pid)) {
                  problems.add(
                      new Problem(
                          "unknown-pid",
                          v.node() + " lists " + pid + ", which the run never spawned, in " + g,
                          List.of(v.readOp())));
                }
              }
            });
    for (String pid : in.livePids()) {
      if (!v.node().equals(nodeOf(pid))) {
        continue;
      }
      slots
          .getOrDefault(pid, Map.of())
          .forEach(
              (g, own) -> {
                long[] range = own.finalRange();
                long held = Bag.of(v.localMembers().getOrDefault(g, List.of())).count(pid);
                if (held < range[0] || held > range[1]) {
                  List<Long> evidence = new ArrayList<>(own.opIndices());
                  evidence.add(v.readOp());
                  problems.add(
                      new Problem(
                          held < range[0] ? "lost-slot" : "extra-slot",
                          pid
                              + " holds "
                              + held
                              + " slot(s) in "
                              + g
                              + " on "
                              + v.node()
                              + "; its joins and leaves allow "
                              + range[0]
                              + ".."
                              + range[1],
                          evidence));
                }
              });
    }
  }

  /** The node name of a PID string {@code {node@host|id}}, or null if it is not one. */
  static String nodeOf(String pid) {
    int at = pid.indexOf('@');
    return pid.startsWith("{") && at > 1 ? pid.substring(1, at) : null;
  }
}
