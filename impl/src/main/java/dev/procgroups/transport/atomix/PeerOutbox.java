package dev.procgroups.transport.atomix;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The queue of messages to one peer, sent as batches with at most one batch in flight. Atomix
 * does not promise FIFO while a connection is being opened (sends waiting on it are callbacks of
 * one future, run in no specified order), so waiting for each batch keeps FIFO per pair, and
 * batching keeps it fast.
 * Best effort: a failed batch is dropped, and so is a message that would overfill the queue.
 */
final class PeerOutbox {

  static final int MAX_BATCH_BYTES = 1 << 20;
  static final long MAX_QUEUED_BYTES = 64L << 20;

  private final Function<List<byte[]>, CompletableFuture<?>> sendBatch;
  private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
  private long queuedBytes;
  private long dropped;
  private boolean inFlight;
  private boolean closed;

  /** {@code sendBatch} sends one batch and completes when Atomix has written or failed it. */
  PeerOutbox(Function<List<byte[]>, CompletableFuture<?>> sendBatch) {
    this.sendBatch = sendBatch;
  }

  /** Queues a message; starts a send unless one is already in flight. Never blocks on I/O. */
  void offer(byte[] message) {
    List<byte[]> batch;
    synchronized (this) {
      if (closed) {
        return;
      }
      if (queuedBytes + message.length > MAX_QUEUED_BYTES) {
        dropped++;
        return;
      }
      queue.add(message);
      queuedBytes += message.length;
      if (inFlight) {
        return;
      }
      inFlight = true;
      batch = takeBatch();
    }
    send(batch);
  }

  /** Drops everything queued and refuses further messages (the peer is down). */
  synchronized void close() {
    closed = true;
    queue.clear();
    queuedBytes = 0;
  }

  synchronized long dropped() {
    return dropped;
  }

  /** Sends batches until the queue is empty; loops rather than recursing on completed sends. */
  private void send(List<byte[]> first) {
    List<byte[]> batch = first;
    while (batch != null) {
      CompletableFuture<?> sent;
      try {
        sent = sendBatch.apply(batch);
      } catch (RuntimeException e) {
        sent = CompletableFuture.failedFuture(e);
      }
      if (!sent.isDone()) {
        int size = batch.size();
        sent.whenComplete((ok, error) -> send(next(error != null, size)));
        return;
      }
      batch = next(sent.isCompletedExceptionally(), batch.size());
    }
  }

  /** Accounts for the finished batch; returns the next one, or null when nothing is left. */
  private synchronized List<byte[]> next(boolean failed, int finishedSize) {
    if (failed) {
      dropped += finishedSize;
    }
    if (closed || queue.isEmpty()) {
      inFlight = false;
      return null;
    }
    return takeBatch();
  }

  /** Takes queued messages up to {@link #MAX_BATCH_BYTES} (always at least one). */
  private List<byte[]> takeBatch() {
    List<byte[]> batch = new ArrayList<>();
    int bytes = 0;
    while (!queue.isEmpty()
        && (batch.isEmpty() || bytes + queue.peek().length <= MAX_BATCH_BYTES)) {
      byte[] message = queue.poll();
      bytes += message.length;
      queuedBytes -= message.length;
      batch.add(message);
    }
    return batch;
  }
}
