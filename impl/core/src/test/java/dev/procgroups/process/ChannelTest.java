package dev.procgroups.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// A lost wake-up shows as a hang: fail it instead of waiting forever.
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ChannelTest {
  @Test
  void receivesInFifoOrderWithOkFlag() throws InterruptedException {
    Channel<String> channel = Channel.unbounded();
    assertThat(channel.offer("a")).isTrue();
    assertThat(channel.offer("b")).isTrue();
    assertThat(channel.receive()).isEqualTo(Received.of("a"));
    assertThat(channel.receive()).isEqualTo(Received.of("b"));
  }

  @Test
  void carriesNullValues() throws InterruptedException {
    Channel<String> channel = Channel.unbounded();
    channel.offer(null);
    assertThat(channel.receive()).isEqualTo(new Received<String>(null, true));
  }

  @Test
  void closeLetsBufferedValuesBeReceivedThenReportsClosed() throws InterruptedException {
    Channel<String> channel = Channel.unbounded();
    channel.offer("a");
    assertThat(channel.close()).isTrue();
    assertThat(channel.close()).isFalse();
    assertThat(channel.offer("late")).isFalse();
    assertThat(channel.receive()).isEqualTo(Received.of("a"));
    assertThat(channel.receive()).isEqualTo(new Received<String>(null, false));
    assertThat(channel.receive().ok()).isFalse();
    assertThat(channel.dropped()).isZero();
  }

  @Test
  void closeDiscardingReportsClosedAtOnce() throws InterruptedException {
    Channel<String> channel = Channel.unbounded();
    channel.offer("a");
    assertThat(channel.closeDiscarding()).isTrue();
    assertThat(channel.size()).isZero();
    assertThat(channel.receive()).isEqualTo(Received.closed());
  }

  @Test
  void closeWakesABlockedReceiver() throws Exception {
    Channel<String> channel = Channel.unbounded();
    Background<Received<String>> receiving = Background.start(channel::receive);
    awaitWaiting(channel);
    channel.close();
    assertThat(receiving.get()).isEqualTo(Received.closed());
  }

  @Test
  void boundedOfferRefusesWhenFullAndCountsDrops() throws InterruptedException {
    Channel<Integer> channel = Channel.bounded(2);
    assertThat(channel.capacity()).isEqualTo(2);
    assertThat(channel.offer(1)).isTrue();
    assertThat(channel.offer(2)).isTrue();
    assertThat(channel.offer(3)).isFalse();
    assertThat(channel.offer(4)).isFalse();
    assertThat(channel.dropped()).isEqualTo(2);
    assertThat(channel.receive().value()).isEqualTo(1);
    assertThat(channel.offer(5)).isTrue();
    assertThat(List.of(channel.receive().value(), channel.receive().value())).containsExactly(2, 5);
  }

  @Test
  void rejectsCapacityBelowOne() {
    assertThatThrownBy(() -> Channel.bounded(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sendWaitsForRoomAndFailsOnClosed() throws Exception {
    Channel<Integer> channel = Channel.bounded(1);
    assertThat(channel.send(1)).isTrue();
    Background<Boolean> sending = Background.start(() -> channel.send(2));
    awaitWaiting(channel);
    assertThat(sending.isDone()).isFalse();
    assertThat(channel.receive().value()).isEqualTo(1);
    assertThat(sending.get()).isTrue();
    assertThat(channel.receive().value()).isEqualTo(2);
    channel.close();
    assertThat(channel.send(3)).isFalse();
  }

  @Test
  void receiveWithTimeoutGivesUpOrReturnsAValue() throws Exception {
    Channel<String> channel = Channel.unbounded();
    long start = System.nanoTime();
    assertThat(channel.receive(Duration.ofMillis(50))).isEmpty();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
    assertThat(channel.receive(Duration.ZERO)).isEmpty();

    Background<Optional<Received<String>>> receiving =
        Background.start(() -> channel.receive(Duration.ofSeconds(10)));
    awaitWaiting(channel);
    channel.offer("v");
    assertThat(receiving.get()).contains(Received.of("v"));
  }

  @Test
  void pollNeverWaits() {
    Channel<String> channel = Channel.unbounded();
    assertThat(channel.poll()).isEmpty();
    channel.offer("a");
    assertThat(channel.poll()).contains(Received.of("a"));
    channel.close();
    assertThat(channel.poll()).contains(Received.closed());
  }

  @Test
  void interruptStopsABlockedReceive() throws Exception {
    Channel<String> channel = Channel.unbounded();
    Background<Received<String>> receiving = Background.start(channel::receive);
    awaitWaiting(channel);
    receiving.interrupt();
    assertThat(receiving.failure()).isInstanceOf(InterruptedException.class);
  }

  @Test
  void alreadyInterruptedThreadDoesNotReceive() {
    Channel<String> channel = Channel.unbounded();
    channel.offer("a");
    Thread.currentThread().interrupt();
    assertThatThrownBy(channel::receive).isInstanceOf(InterruptedException.class);
    assertThat(Thread.interrupted()).isFalse();
    assertThat(channel.size()).isEqualTo(1);
  }

  @Test
  void concurrentSendersLoseNothingAndKeepEachSendersOrder() throws Exception {
    Channel<int[]> channel = Channel.bounded(8);
    int senders = 4;
    int perSender = 5_000;
    List<Background<Void>> sending = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      int sender = s;
      sending.add(
          Background.start(
              () -> {
                for (int i = 0; i < perSender; i++) {
                  channel.send(new int[] {sender, i});
                }
                return null;
              }));
    }
    int[] next = new int[senders];
    for (int n = 0; n < senders * perSender; n++) {
      int[] message = channel.receive().value();
      assertThat(message[1]).isEqualTo(next[message[0]]);
      next[message[0]]++;
    }
    for (Background<Void> sender : sending) {
      sender.get();
    }
    assertThat(next).containsOnly(perSender);
    assertThat(channel.size()).isZero();
  }

  /** Waits until some thread is parked on {@code channel}. */
  static void awaitWaiting(Channel<?> channel) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!channel.hasWaiters()) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(1);
    }
  }
}
