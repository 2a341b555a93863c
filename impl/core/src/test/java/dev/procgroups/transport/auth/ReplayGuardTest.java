package dev.procgroups.transport.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayGuardTest {

  private final ReplayGuard guard = new ReplayGuard();

  @Test
  void acceptsIncreasingNumbersWithGapsAndRejectsRepeatsAndOlderOnes() {
    assertThat(guard.accept("a", 1, 1)).isTrue();
    assertThat(guard.accept("a", 1, 5)).isTrue();
    assertThat(guard.accept("a", 1, 5)).isFalse();
    assertThat(guard.accept("a", 1, 3)).isFalse();
    assertThat(guard.accept("b", 1, 1)).as("numbers are per sender").isTrue();
  }

  @Test
  void aNewerStartResetsNumbersAndRetiresTheOlderStart() {
    assertThat(guard.accept("a", 1, 100)).isTrue();
    assertThat(guard.accept("a", 2, 1)).isTrue();
    assertThat(guard.accept("a", 1, 101)).as("the earlier start's messages").isFalse();
  }
}
