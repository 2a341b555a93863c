package dev.procgroups.bench.cluster;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The two worker JVMs of one part of the run, started together and closed (killed) together. */
final class WorkerPair implements AutoCloseable {
  private final WorkerJvm first;
  private final WorkerJvm second;

  private WorkerPair(WorkerJvm first, WorkerJvm second) {
    this.first = first;
    this.second = second;
  }

  /** Starts workers {@code seeds[1]} and {@code seeds[2]} (seeds[0] is the observer) at once. */
  static WorkerPair start(WorkerJvm.Launch launch, Duration timeout) {
    CompletableFuture<WorkerJvm> a =
        CompletableFuture.supplyAsync(() -> WorkerJvm.start(launch, 1, timeout));
    CompletableFuture<WorkerJvm> b =
        CompletableFuture.supplyAsync(() -> WorkerJvm.start(launch, 2, timeout));
    try {
      return new WorkerPair(a.join(), b.join());
    } catch (CompletionException e) {
      a.thenAccept(WorkerJvm::close);
      b.thenAccept(WorkerJvm::close);
      throw e.getCause() instanceof BenchFailure f ? f : e;
    }
  }

  WorkerJvm first() {
    return first;
  }

  WorkerJvm second() {
    return second;
  }

  /** Sends one command to each worker without waiting. */
  void send(String toFirst, String toSecond) {
    first.send(toFirst);
    second.send(toSecond);
  }

  /** Waits for both answers to what {@link #send} sent. */
  void await(String what, Duration timeout) {
    first.await(what, timeout);
    second.await(what, timeout);
  }

  /** Waits for both answers ("OK millis") and returns the larger number of milliseconds. */
  double awaitMillis(String what, Duration timeout) {
    return Math.max(
        Double.parseDouble(first.await(what, timeout)[1]),
        Double.parseDouble(second.await(what, timeout)[1]));
  }

  /** CPU time both worker JVMs have used so far, in nanoseconds. */
  long cpuNanos(Duration timeout) {
    send("CPU", "CPU");
    return Long.parseLong(first.await("CPU", timeout)[1])
        + Long.parseLong(second.await("CPU", timeout)[1]);
  }

  /** The same command to both, then both answers. */
  void call(String command, Duration timeout) {
    send(command, command);
    await(command, timeout);
  }

  @Override
  public void close() {
    first.close();
    second.close();
  }
}
