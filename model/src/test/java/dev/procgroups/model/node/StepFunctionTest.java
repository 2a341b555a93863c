package dev.procgroups.model.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.model.Event;
import dev.procgroups.model.EventKind;
import dev.procgroups.model.cluster.Views;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The step function over seeded random call sequences: deterministic, pure, failures change
 * nothing, and SEMANTICS.md's subscription invariant (folding a subscription's events over its
 * snapshot gives the node's view, unless it dropped events).
 */
class StepFunctionTest {

  private static final int SEEDS = 10;
  private static final int STEPS = 500;

  @Test
  void sameStateAndCallGiveTheSameStepAndTheGivenStateIsUntouched() {
    for (long seed = 0; seed < SEEDS; seed++) {
      RandomCalls calls = new RandomCalls(seed);
      NodeState state = NodeDriver.withScopes("n1", "app:pg").state();
      for (int i = 0; i < STEPS; i++) {
        NodeCall call = calls.next(state);
        NodeState copy =
            new NodeState(
                state.node(),
                state.policy(),
                state.live(),
                state.used(),
                state.scopes(),
                state.instances(),
                state.subscriptions(),
                state.nextId());
        Step first = NodeModel.step(state, call);
        Step second = NodeModel.step(state, call);
        assertThat(second).isEqualTo(first);
        assertThat(state).isEqualTo(copy);
        if (!first.result().isOk()) {
          assertThat(first.state()).isEqualTo(state);
          assertThat(first.events()).isEmpty();
          assertThat(first.deliveries()).isEmpty();
        }
        state = first.state();
      }
    }
  }

  @Test
  void foldingASubscriptionsEventsOverItsSnapshotGivesTheView() {
    int checked = 0;
    for (long seed = 0; seed < SEEDS; seed++) {
      RandomCalls calls = new RandomCalls(seed);
      NodeState state = NodeDriver.withScopes("n1", "app:pg").state();
      Map<Long, Map<String, List<String>>> folded = new HashMap<>();
      for (int i = 0; i < STEPS; i++) {
        Step step = NodeModel.step(state, calls.next(state));
        state = step.state();
        recordNewSubscription(step, folded);
        step.enqueued().forEach((sub, events) -> events.forEach(e -> fold(folded.get(sub), e)));
        for (Subscription sub : state.subscriptions().values()) {
          if (!sub.closed() && sub.dropped() == 0) {
            Map<String, List<String>> view =
                sub.group() == null
                    ? state.view("app:pg")
                    : Map.of(sub.group(), state.members("app:pg", sub.group()));
            assertThat(Views.differences(view, folded.get(sub.id())))
                .as("seed %d step %d", seed, i)
                .isEmpty();
            checked++;
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(1000);
  }

  private static void recordNewSubscription(
      Step step, Map<Long, Map<String, List<String>>> folded) {
    Object value = step.result() instanceof dev.procgroups.model.Result.Ok ok ? ok.value() : null;
    if (value instanceof Monitored monitored) {
      Map<String, List<String>> snapshot = new LinkedHashMap<>();
      snapshot.put(groupOf(step, monitored.subscription()), new ArrayList<>(monitored.members()));
      folded.put(monitored.subscription(), snapshot);
    } else if (value instanceof Watching watching) {
      Map<String, List<String>> snapshot = new LinkedHashMap<>();
      watching.snapshot().forEach((group, pids) -> snapshot.put(group, new ArrayList<>(pids)));
      folded.put(watching.subscription(), snapshot);
    }
  }

  private static String groupOf(Step step, long subscription) {
    return step.state().subscription(subscription).group();
  }

  private static void fold(Map<String, List<String>> view, Event event) {
    List<String> pids = view.computeIfAbsent(event.group(), g -> new ArrayList<>());
    if (event.kind() == EventKind.JOINED) {
      pids.addAll(event.pids());
    } else {
      event.pids().forEach(pids::remove);
    }
  }
}
