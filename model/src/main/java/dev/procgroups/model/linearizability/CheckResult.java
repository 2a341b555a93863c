package dev.procgroups.model.linearizability;

/**
 * The checker's verdict, with how many (linearized set, state) configurations the search stored.
 */
public sealed interface CheckResult<S> {

  long configurations();

  default boolean isLinearizable() {
    return this instanceof Linearizable;
  }

  /** Every partition has a linearization. */
  record Linearizable<S>(int callsChecked, int partitions, long configurations)
      implements CheckResult<S> {}

  /** No linearization exists; the counterexample is the shortest non-linearizable prefix. */
  record NotLinearizable<S>(Counterexample<S> counterexample, long configurations)
      implements CheckResult<S> {}

  /** The search gave up (configuration budget) before deciding. */
  record Undecided<S>(String reason, long configurations) implements CheckResult<S> {}
}
