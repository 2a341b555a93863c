package dev.procgroups.process;

import static dev.procgroups.process.ChannelTest.awaitWaiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// A lost wake-up shows as a hang: fail it instead of waiting forever.
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SelectTest {
  private final Channel<String> first = Channel.unbounded();
  private final Channel<String> second = Channel.unbounded();
  private final List<SelectCase> both =
      List.of(SelectCase.receive(first), SelectCase.receive(second));

  @Test
  void returnsWhichChannelAndTheValue() throws InterruptedException {
    second.offer("b");
    Selected selected = Select.select(both);
    assertThat(selected.index()).isEqualTo(1);
    assertThat(selected.channel()).isSameAs(second);
    assertThat(selected.value()).isEqualTo("b");
    assertThat(selected.ok()).isTrue();
    assertThat(second.size()).isZero();
  }

  @Test
  void prefersTheFirstReadyCaseAndTakesOnlyOneValue() throws InterruptedException {
    first.offer("a");
    second.offer("b");
    assertThat(Select.select(both).value()).isEqualTo("a");
    assertThat(second.size()).isEqualTo(1);
    assertThat(Select.select(both).value()).isEqualTo("b");
  }

  @Test
  void waitsForAValueOnAnyChannel() throws Exception {
    Background<Selected> selecting = Background.start(() -> Select.select(both));
    awaitWaiting(first);
    awaitWaiting(second);
    second.offer("late");
    Selected selected = selecting.get();
    assertThat(selected.index()).isEqualTo(1);
    assertThat(selected.value()).isEqualTo("late");
    assertThat(first.hasWaiters()).isFalse();
    assertThat(second.hasWaiters()).isFalse();
  }

  @Test
  void reportsAClosedChannel() throws InterruptedException {
    second.close();
    Selected selected = Select.select(both);
    assertThat(selected.index()).isEqualTo(1);
    assertThat(selected.ok()).isFalse();
    assertThat(selected.value()).isNull();
  }

  @Test
  void timesOutAndPollsWithoutWaiting() throws InterruptedException {
    assertThat(Select.select(both, Duration.ofMillis(20))).isEmpty();
    assertThat(Select.poll(both)).isEmpty();
    first.offer("a");
    assertThat(Select.poll(both)).map(Selected::value).contains("a");
    second.offer("b");
    assertThat(Select.select(both, Duration.ofSeconds(5))).map(Selected::index).contains(1);
  }

  @Test
  void sendCaseCompletesWhenThereIsRoom() throws Exception {
    Channel<String> full = Channel.bounded(1);
    full.offer("x");
    List<SelectCase> cases = List.of(SelectCase.send(full, "y"), SelectCase.receive(first));
    assertThat(Select.poll(cases)).isEmpty();

    Background<Selected> selecting = Background.start(() -> Select.select(cases));
    awaitWaiting(full);
    assertThat(full.receive().value()).isEqualTo("x");
    Selected selected = selecting.get();
    assertThat(selected.index()).isZero();
    assertThat(selected.ok()).isTrue();
    assertThat(full.receive().value()).isEqualTo("y");
  }

  @Test
  void sendCaseOnAClosedChannelReportsNotOk() throws InterruptedException {
    Channel<String> closed = Channel.bounded(1);
    closed.close();
    Selected selected = Select.select(List.of(SelectCase.send(closed, "v")));
    assertThat(selected.ok()).isFalse();
    assertThat(selected.value()).isEqualTo("v");
  }

  @Test
  void interruptStopsASelect() throws Exception {
    Background<Selected> selecting = Background.start(() -> Select.select(both));
    awaitWaiting(second);
    selecting.interrupt();
    assertThat(selecting.failure()).isInstanceOf(InterruptedException.class);
    assertThat(second.hasWaiters()).isFalse();
  }

  @Test
  void rejectsNoCases() {
    assertThatThrownBy(() -> Select.select(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThat(Select.poll(List.of())).isEqualTo(Optional.empty());
  }
}
