package dev.procgroups.transport.atomix;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast SWIM suspects and removes a silent peer: a peer that misses a probe for
 * {@code probeTimeout} becomes suspect and is removed {@code failureTimeout} later.
 */
public record SwimProfile(Duration probeInterval, Duration probeTimeout, Duration failureTimeout) {

  /** Loopback and tests: a {@code kill -9}ed node is removed in about 1.3 s. */
  public static final SwimProfile FAST =
      new SwimProfile(Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofSeconds(1));

  /** Atomix's own defaults: removal takes about 10.5 s, tolerant of pauses on busy networks. */
  public static final SwimProfile DEFAULT =
      new SwimProfile(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(10));

  public SwimProfile {
    requirePositive(probeInterval, "probeInterval");
    requirePositive(probeTimeout, "probeTimeout");
    requirePositive(failureTimeout, "failureTimeout");
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
  }
}
