package dev.procgroups.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.process.Pid;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventChannelTest {

  private static GroupEvent event(int i) {
    return new GroupEvent(GroupEvent.Kind.JOINED, "g" + i, List.of(new Pid("n", "h", i)));
  }

  @Test
  void aFullBufferDropsAndCounts() throws Exception {
    EventChannel ch = new EventChannel(2);
    assertThat(ch.offer(event(1))).isTrue();
    assertThat(ch.offer(event(2))).isTrue();
    assertThat(ch.offer(event(3))).isFalse();
    assertThat(ch.offer(event(4))).isFalse();
    assertThat(ch.dropped()).isEqualTo(2);
    assertThat(ch.receive()).contains(event(1));
    assertThat(ch.offer(event(5))).isTrue();
    assertThat(ch.receive()).contains(event(2));
    assertThat(ch.receive()).contains(event(5));
  }

  @Test
  void closeKeepsBufferedEventsThenReportsClosed() throws Exception {
    EventChannel ch = new EventChannel(4);
    ch.offer(event(1));
    ch.close(false);
    assertThat(ch.offer(event(2))).isFalse();
    assertThat(ch.receive()).contains(event(1));
    assertThat(ch.receive()).isEmpty();
    assertThat(ch.isClosed()).isTrue();
  }

  @Test
  void closeWithFlushDiscardsBufferedEvents() throws Exception {
    EventChannel ch = new EventChannel(4);
    ch.offer(event(1));
    ch.close(true);
    assertThat(ch.receive()).isEmpty();
    ch.close(true);
    assertThat(ch.isClosed()).isTrue();
  }

  @Test
  void receiveWithTimeoutGivesUpAndWakesOnClose() throws Exception {
    EventChannel ch = new EventChannel(4);
    assertThat(ch.receive(Duration.ofMillis(10))).isEmpty();
    assertThat(ch.isClosed()).isFalse();
    Thread closer = new Thread(() -> ch.close(false));
    closer.start();
    assertThat(ch.receive(Duration.ofSeconds(10))).isEmpty();
    closer.join();
    assertThat(ch.isClosed()).isTrue();
  }
}
