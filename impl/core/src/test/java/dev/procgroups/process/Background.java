package dev.procgroups.process;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A task on its own platform thread, for tests that need a blocked peer they can interrupt. */
final class Background<T> {
  private final Thread thread;
  private final CompletableFuture<T> result = new CompletableFuture<>();

  private Background(Callable<T> task) {
    thread =
        new Thread(
            () -> {
              try {
                result.complete(task.call());
              } catch (Throwable t) {
                result.completeExceptionally(t);
              }
            });
    thread.start();
  }

  static <T> Background<T> start(Callable<T> task) {
    return new Background<>(task);
  }

  void interrupt() {
    thread.interrupt();
  }

  boolean isDone() {
    return result.isDone();
  }

  /** The task's result, waiting at most 5 s; its exception is thrown as the cause. */
  T get() throws Exception {
    try {
      return result.get(5, TimeUnit.SECONDS);
    } finally {
      thread.join(5_000);
    }
  }

  /** What the task threw (waiting at most 5 s), or null if it returned. */
  Throwable failure() throws Exception {
    try {
      get();
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }
}
