package dev.procgroups.bench.cluster;

/** Rounding of measured figures for the report. */
final class Rates {
  private Rates() {}

  static double perSecond(long count, long nanos) {
    return Math.round(count * 1e9 / Math.max(1, nanos));
  }

  static double millis(long nanos) {
    return Math.round(nanos / 1e5) / 10.0;
  }

  static double micros(long nanos) {
    return Math.round(nanos / 1e2) / 10.0;
  }
}
