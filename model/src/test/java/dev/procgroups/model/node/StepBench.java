package dev.procgroups.model.node;

import java.util.Locale;

/**
 * How fast the model steps (a bench main, not a test): 10 seeds × N random calls of {@link
 * RandomCalls}, three rounds, steps per second. Usage: {@code StepBench [callsPerSeed]}.
 */
public final class StepBench {

  private StepBench() {}

  public static void main(String[] args) {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    for (int round = 1; round <= 3; round++) {
      long start = System.nanoTime();
      int subscriptions = 0;
      for (long seed = 0; seed < 10; seed++) {
        RandomCalls random = new RandomCalls(seed);
        NodeState state = NodeDriver.withScopes("n1", "app:pg").state();
        for (int i = 0; i < calls; i++) {
          state = NodeModel.step(state, random.next(state)).state();
        }
        subscriptions = Math.max(subscriptions, state.subscriptions().size());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "round %d: %d steps in %.2f s = %.0f steps/s" + " (up to %d subscriptions)%n",
          round,
          10 * calls,
          seconds,
          10 * calls / seconds,
          subscriptions);
    }
  }
}
