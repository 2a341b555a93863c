package dev.procgroups.model.linearizability;

import java.util.List;
import java.util.Map;

/** Reads a read's result for the test oracle without going through the specification. */
final class MembershipOpsTestView {

  private MembershipOpsTestView() {}

  static List<String> members(Object readResult) {
    return ((List<?>) ((Map<?, ?>) readResult).get(MembershipOps.MEMBERS))
        .stream().map(String.class::cast).toList();
  }
}
