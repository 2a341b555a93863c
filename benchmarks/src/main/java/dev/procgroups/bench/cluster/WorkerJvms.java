package dev.procgroups.bench.cluster;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every worker JVM this benchmark started and has not closed yet, killed by a shutdown hook so that
 * no worker outlives the benchmark, whatever way it ends.
 */
final class WorkerJvms {
  private static final Set<WorkerJvm> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> LIVE.forEach(WorkerJvm::kill), "bench-kill-workers"));
  }

  private WorkerJvms() {}

  static void track(WorkerJvm worker) {
    LIVE.add(worker);
  }

  static void untrack(WorkerJvm worker) {
    LIVE.remove(worker);
  }
}
