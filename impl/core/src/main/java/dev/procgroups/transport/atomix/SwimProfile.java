package dev.procgroups.transport.atomix;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast the failure detector ({@link PeerLiveness}) reports a silent peer down: every {@code
 * probeInterval} each node sends each peer a heartbeat (when it sent nothing else), and a peer
 * silent for {@code probeTimeout + failureTimeout} is down. The name and the three durations are
 * kept from when Atomix's SWIM detected failures with the same meaning.
 */
public record SwimProfile(Duration probeInterval, Duration probeTimeout, Duration failureTimeout) {

  /** Loopback and tests: a {@code kill -9}ed node is down in about 1.3 s. */
  public static final SwimProfile FAST =
      new SwimProfile(Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofSeconds(1));

  /** Atomix's SWIM defaults: down after 12 s of silence, tolerant of pauses on busy networks. */
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
