package dev.procgroups.model.linearizability;

import dev.procgroups.model.history.History;
import java.util.List;
import java.util.Random;

/**
 * A small generated history with one corrupted completion, and whether the brute-force oracle still
 * finds a linearization for it.
 */
record CorruptionTrial(History corrupted, boolean linearizable) {

  static final MembershipSpecification SPEC = new MembershipSpecification();

  static CorruptionTrial of(long seed, int processes, int pids, int calls) {
    Random random = new Random(seed);
    History history =
        new RandomMembershipHistory(processes, 1, pids, 20, 0.2).generate(calls, seed);
    if (!new BruteForce(history).linearizable()) {
      throw new AssertionError("the generator made a non-linearizable history:\n" + history);
    }
    List<Integer> targets = Corruption.targets(history);
    History corrupted =
        Corruption.corrupt(history, targets.get(random.nextInt(targets.size())), random);
    return new CorruptionTrial(corrupted, new BruteForce(corrupted).linearizable());
  }
}
