package dev.procgroups.props.sim;

import dev.procgroups.transport.sim.NetworkFaults;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators of simulation schedules: operations on 3–5 nodes interleaved with faults. */
final class Schedules {
  private static final List<String> GROUPS = List.of("a", "b", "c");

  private Schedules() {}

  static Arbitrary<Schedule> schedules(int maxOps) {
    return Combinators.combine(
            Arbitraries.longs(),
            Arbitraries.integers().between(3, 5),
            faults(),
            ops().list().ofMinSize(1).ofMaxSize(maxOps))
        .as(Schedule::new);
  }

  static Arbitrary<NetworkFaults> faults() {
    return Combinators.combine(
            Arbitraries.of(5L, 50L, 200L),
            Arbitraries.of(0.0, 0.02, 0.1, 0.3),
            Arbitraries.of(0.0, 0.05, 0.2),
            Arbitraries.of(false, true),
            Arbitraries.of(50L, 300L, 1_500L))
        .as(
            (maxDelay, drop, dup, reorder, detect) ->
                new NetworkFaults(1, maxDelay, drop, dup, reorder, detect));
  }

  static Arbitrary<SimOp> ops() {
    Arbitrary<Integer> node = Arbitraries.integers().between(0, 4);
    Arbitrary<Integer> proc = Arbitraries.integers().between(0, 7);
    Arbitrary<String> group = Arbitraries.of(GROUPS);
    Arbitrary<List<String>> groups = group.list().ofMinSize(1).ofMaxSize(3);
    Arbitrary<Long> advance = advance();
    return Arbitraries.frequencyOf(
        Tuple(10, Combinators.combine(node, advance).as(SimOp.Spawn::new)),
        Tuple(25, Combinators.combine(node, proc, groups, advance).as(SimOp.Join::new)),
        Tuple(10, Combinators.combine(node, proc, groups, advance).as(SimOp.Leave::new)),
        Tuple(6, Combinators.combine(node, proc, advance).as(SimOp.Exit::new)),
        Tuple(5, Combinators.combine(node, group.injectNull(0.3), advance).as(SimOp.Monitor::new)),
        Tuple(8, Combinators.combine(node, proc, group, advance).as(SimOp.Broadcast::new)),
        Tuple(2, Combinators.combine(node, advance).as(SimOp.Crash::new)),
        Tuple(3, Combinators.combine(node, advance).as(SimOp.Restart::new)),
        Tuple(
            3,
            Combinators.combine(Arbitraries.integers().between(1, 30), advance)
                .as(SimOp.Partition::new)),
        Tuple(3, Combinators.combine(node, node, advance).as(SimOp.Cut::new)),
        Tuple(4, advance.map(SimOp.Heal::new)));
  }

  /** Mostly no or short pauses; sometimes long enough for suspicion and failure detection. */
  private static Arbitrary<Long> advance() {
    return Arbitraries.frequencyOf(
        Tuple(30, Arbitraries.just(0L)),
        Tuple(40, Arbitraries.longs().between(1, 50)),
        Tuple(20, Arbitraries.longs().between(51, 600)),
        Tuple(10, Arbitraries.longs().between(1_000, 3_000)));
  }

  @SuppressWarnings("unchecked")
  private static <T> net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends T>> Tuple(
      int weight, Arbitrary<? extends T> arbitrary) {
    return net.jqwik.api.Tuple.of(weight, arbitrary);
  }
}
