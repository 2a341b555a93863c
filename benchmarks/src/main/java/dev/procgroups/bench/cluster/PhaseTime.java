package dev.procgroups.bench.cluster;

/**
 * One timed phase: wall time until the observer saw it complete, the slower worker's own time for
 * its part (without propagation), and the CPU time the three JVMs (and the observer's alone) used
 * from the command until the observer saw it complete (the workers' is read just after).
 */
record PhaseTime(long nanos, double slowestWorkerMillis, long cpuNanos, long observerCpuNanos) {}
