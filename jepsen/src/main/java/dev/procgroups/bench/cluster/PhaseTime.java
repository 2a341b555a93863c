package dev.procgroups.bench.cluster;

/**
 * One timed phase: wall time until the observer saw it complete, and the slower worker's own time
 * for its part (without propagation).
 */
record PhaseTime(long nanos, double slowestWorkerMillis) {}
