package dev.procgroups.model.linearizability;

import dev.procgroups.model.history.History;

/**
 * A sequential specification for the linearizability checker: an initial state and, for every call
 * of a history, the transition it makes. States must be immutable with value equality ({@code
 * equals}/{@code hashCode}): the checker memoizes (linearized calls, state) pairs.
 *
 * @param <S> the model state
 */
public interface Specification<S> {

  S initialState();

  /**
   * The transition of one call with its observed outcome ({@link History.Call#outcome()}): for
   * {@code :ok} and {@code :fail} it checks the observed result; for {@code :info} (or a call that
   * never completed) it applies the effect with any result. Throws {@link IllegalArgumentException}
   * when the call does not have the shape this specification expects.
   */
  Transition<S> transition(History.Call call);

  /** A readable rendering of a state, for counterexamples. */
  default String describe(S state) {
    return String.valueOf(state);
  }
}
