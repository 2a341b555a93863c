package dev.procgroups.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Producers blocking on full bounded channels and consumers selecting over all of them: a lost
 * wake-up would hang (the timeout catches it), a double or lost delivery shows in the counts.
 */
class SelectStressTest {
  private static final int CHANNELS = 3;
  private static final int PRODUCERS = 4;
  private static final int PER_PRODUCER = 5_000;
  private static final int CONSUMERS = 2;

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void everyValueIsReceivedExactlyOnce() throws Exception {
    List<Channel<Integer>> channels = new ArrayList<>();
    for (int i = 0; i < CHANNELS; i++) {
      channels.add(Channel.bounded(4));
    }
    List<Background<List<Integer>>> consumers = new ArrayList<>();
    for (int c = 0; c < CONSUMERS; c++) {
      consumers.add(Background.start(() -> consume(channels)));
    }
    List<Background<Void>> producers = new ArrayList<>();
    for (int p = 0; p < PRODUCERS; p++) {
      int producer = p;
      producers.add(
          Background.start(
              () -> {
                for (int i = 0; i < PER_PRODUCER; i++) {
                  int value = producer * PER_PRODUCER + i;
                  assertThat(channels.get(value % CHANNELS).send(value)).isTrue();
                }
                return null;
              }));
    }
    for (Background<Void> producer : producers) {
      producer.get();
    }
    channels.forEach(Channel::close);

    BitSet seen = new BitSet();
    int total = 0;
    for (Background<List<Integer>> consumer : consumers) {
      for (int value : consumer.get()) {
        assertThat(seen.get(value)).as("value %d received twice", value).isFalse();
        seen.set(value);
        total++;
      }
    }
    assertThat(total).isEqualTo(PRODUCERS * PER_PRODUCER);
  }

  /** Selects until every channel has reported closed. */
  private static List<Integer> consume(List<Channel<Integer>> channels)
      throws InterruptedException {
    List<SelectCase> open = new ArrayList<>();
    channels.forEach(channel -> open.add(SelectCase.receive(channel)));
    List<Integer> received = new ArrayList<>();
    while (!open.isEmpty()) {
      Selected selected = Select.select(open);
      if (selected.ok()) {
        received.add((Integer) selected.value());
      } else {
        open.remove(selected.index());
      }
    }
    return received;
  }
}
