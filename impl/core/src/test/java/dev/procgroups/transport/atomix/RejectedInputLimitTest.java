package dev.procgroups.transport.atomix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RejectedInputLimitTest {

  @Test
  void theBudgetIsPerWindow() {
    RejectedInputLimit limit = new RejectedInputLimit();
    for (int i = 0; i < RejectedInputLimit.MAX_PER_WINDOW; i++) {
      assertThat(limit.exceededAfter(i)).isFalse();
    }
    assertThat(limit.exceededAfter(1_000)).isTrue();
    long nextWindow = RejectedInputLimit.WINDOW_NANOS;
    assertThat(limit.exceededAfter(nextWindow)).as("a new window").isFalse();
  }
}
