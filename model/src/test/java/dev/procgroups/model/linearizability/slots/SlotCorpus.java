package dev.procgroups.model.linearizability.slots;

import dev.procgroups.model.history.History;
import dev.procgroups.model.linearizability.CheckResult;
import dev.procgroups.model.linearizability.Corpus;
import dev.procgroups.model.linearizability.Corruption;
import dev.procgroups.model.linearizability.LinearizabilityChecker;
import dev.procgroups.model.linearizability.MembershipSpecification;
import dev.procgroups.model.linearizability.RandomMembershipHistory;
import dev.procgroups.model.linearizability.slots.SlotCheckResult.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The histories the slot checker is cross-checked on, each with the WGL checker's verdict: the
 * hand-written membership corpus, small generated histories with and without one corrupted
 * completion, and long generated histories with and without a violation planted at the very end.
 */
final class SlotCorpus {

  /** One history and what the model's WGL search says of it (null: it gave up). */
  record Entry(String name, History history, Verdict wgl) {}

  private static final long WGL_BUDGET = 2_000_000L;

  private SlotCorpus() {}

  static List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    for (Corpus.Case c : Corpus.cases()) {
      entries.add(entry(c.name(), c.history()));
    }
    Random random = new Random(20261207L);
    for (int i = 0; i < 400; i++) {
      // Corruption makes up a group for a read without a result, so corrupted ones have one group.
      RandomMembershipHistory generator =
          new RandomMembershipHistory(
              1 + random.nextInt(6),
              i % 2 == 1 ? 1 : 1 + random.nextInt(3),
              1 + random.nextInt(3),
              random.nextInt(41),
              random.nextDouble() * 0.3);
      History history = generator.generate(random.nextInt(121), random.nextLong());
      List<Integer> targets = Corruption.targets(history);
      if (i % 2 == 1 && !targets.isEmpty()) {
        history = Corruption.corrupt(history, targets.get(random.nextInt(targets.size())), random);
      }
      entries.add(entry("small #" + i, history));
    }
    for (int i = 0; i < 16; i++) {
      RandomMembershipHistory generator =
          new RandomMembershipHistory(
              2 + random.nextInt(5),
              1 + random.nextInt(3),
              2 + random.nextInt(6),
              10 * (2 + random.nextInt(5)),
              0.01 + random.nextDouble() * 0.04);
      int calls = 1_000 + random.nextInt(1_001);
      long seed = random.nextLong();
      History history =
          i % 2 == 0
              ? generator.generateWithViolationAtEnd(calls, seed)
              : generator.generate(calls, seed);
      entries.add(
          entry((i % 2 == 0 ? "violation at the end of " : "long ") + calls + " calls", history));
    }
    return entries;
  }

  private static Entry entry(String name, History history) {
    CheckResult<?> result =
        new LinearizabilityChecker(WGL_BUDGET, true).check(history, new MembershipSpecification());
    Verdict wgl =
        result instanceof CheckResult.Undecided<?>
            ? null
            : result.isLinearizable() ? Verdict.VALID : Verdict.INVALID;
    return new Entry(name, history, wgl);
  }
}
