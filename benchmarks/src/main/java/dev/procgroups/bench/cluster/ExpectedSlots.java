package dev.procgroups.bench.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many slots each group should hold once a phase has propagated, for the benchmark's layout:
 * process {@code i} (of {@code processes}) is in group {@code prefix + (i % groups)}; worker 1
 * holds indices {@code [0, processes / 2)}, worker 2 the rest.
 */
record ExpectedSlots(Map<String, Integer> byGroup) {

  /** Every process of {@code [from, to)} in its group. */
  static ExpectedSlots of(String prefix, int groups, long from, long to) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (long i = from; i < to; i++) {
      out.merge(WorkerProtocol.group(prefix, i, groups), 1, Integer::sum);
    }
    for (int g = 0; g < groups; g++) {
      out.putIfAbsent(prefix + g, 0);
    }
    return new ExpectedSlots(out);
  }

  /** All groups empty. */
  static ExpectedSlots none(String prefix, int groups) {
    return of(prefix, groups, 0, 0);
  }

  long total() {
    return byGroup.values().stream().mapToLong(Integer::longValue).sum();
  }
}
