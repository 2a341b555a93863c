package dev.procgroups.transport.atomix;

import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records the messages one transport receives, with the sender and the delivering thread. */
final class MessageLog implements Transport.MessageHandler {

  record Received(NodeId from, byte[] message, String thread) {}

  private final List<Received> received = new ArrayList<>();

  @Override
  public synchronized void handle(NodeId from, byte[] message) {
    received.add(new Received(from, message, Thread.currentThread().getName()));
    notifyAll();
  }

  synchronized List<Received> all() {
    return List.copyOf(received);
  }

  synchronized List<Received> from(NodeId sender) {
    return received.stream().filter(r -> r.from().equals(sender)).toList();
  }

  /** Waits until {@code count} messages in total have arrived, or fails after timeout. */
  synchronized void awaitCount(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (received.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "only " + received.size() + " of " + count + " messages within " + timeout);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
