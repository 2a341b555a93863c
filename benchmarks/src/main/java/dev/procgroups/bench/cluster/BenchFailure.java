package dev.procgroups.bench.cluster;

/** A benchmark phase failed or ran out of time; the run stops and its workers are killed. */
final class BenchFailure extends RuntimeException {
  BenchFailure(String message) {
    super(message);
  }
}
