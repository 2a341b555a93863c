package dev.procgroups.bench.cluster;

import java.lang.management.ManagementFactory;

/**
 * CPU time this JVM has used (all threads, GC and JIT included). On a machine where the three JVMs
 * share two cores, the CPU a phase costs is a steadier figure than its wall time.
 */
final class ProcessCpu {
  private ProcessCpu() {}

  static long nanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
