package dev.procgroups.bench.cluster;

import java.time.Instant;

/** Wall-clock time in nanoseconds since the epoch, comparable between JVMs on one machine. */
final class Clock {
  private Clock() {}

  static long epochNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
