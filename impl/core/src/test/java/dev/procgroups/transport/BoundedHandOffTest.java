package dev.procgroups.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class BoundedHandOffTest {
  private final Queue<Runnable> waiting = new ArrayDeque<>();
  private final List<String> ran = new ArrayList<>();
  private final BoundedHandOff lane = new BoundedHandOff(waiting::add, 1_000);

  private boolean offer(String name, int bytes) {
    return lane.offer(bytes, () -> ran.add(name));
  }

  private void runAll() {
    for (Runnable task = waiting.poll(); task != null; task = waiting.poll()) {
      task.run();
    }
  }

  @Test
  void dropsAndCountsWhatDoesNotFitAndTakesMessagesAgainOnceDrained() {
    int fits = 1_000 / 2 - BoundedHandOff.OVERHEAD_BYTES; // two of these fill the lane exactly
    assertThat(offer("a", fits)).isTrue();
    assertThat(offer("b", fits)).isTrue();
    assertThat(offer("c", 1)).as("full: dropped").isFalse();
    assertThat(lane.dropped()).isEqualTo(1);
    assertThat(lane.queuedMessages()).isEqualTo(2);
    assertThat(lane.queuedBytes()).isEqualTo(1_000);
    waiting.add(() -> ran.add("tick")); // the executor's other tasks are not bounded by the lane
    runAll();
    assertThat(ran).containsExactly("a", "b", "tick");
    assertThat(lane.queuedBytes()).isZero();
    assertThat(offer("d", fits)).isTrue();
    runAll();
    assertThat(ran).containsExactly("a", "b", "tick", "d");
    assertThat(lane.dropped()).isEqualTo(1);
  }

  @Test
  void anIdleLaneTakesOneMessageLargerThanItsCapacity() {
    assertThat(offer("huge", 5_000)).isTrue();
    assertThat(offer("small", 1)).as("not while the huge one waits").isFalse();
    runAll();
    assertThat(offer("small", 1)).isTrue();
    runAll();
    assertThat(ran).containsExactly("huge", "small");
  }
}
