package dev.procgroups.transport.atomix;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The queue of messages to one peer, sent as batches with at most one batch in flight: an Atomix
 * message costs about as much as a batch of thousands (bench/results/transport.md), so whatever
 * queues up while one batch is written goes out as the next. Order is kept (Atomix keeps its own
 * sends in order, and so does this queue), and the farewell goes out after everything queued.
 * Best effort: a failed batch is dropped, and so is a message that would overfill the queue.
 */
final class PeerOutbox {

  static final int MAX_BATCH_BYTES = 1 << 20;
  static final long MAX_QUEUED_BYTES = 64L << 20;

  /** Sends one batch; completes when Atomix has written or failed it. */
  @FunctionalInterface
  interface BatchSender {
    /** {@code kind} FAREWELL marks the last batch: this node is stopping. */
    CompletableFuture<?> send(List<byte[]> messages, Envelope.Kind kind);
  }

  private record Batch(List<byte[]> messages, Envelope.Kind kind) {
    boolean last() {
      return kind == Envelope.Kind.FAREWELL;
    }
  }

  private enum State { OPEN, FINISHING, CLOSED }

  private final BatchSender sender;
  private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
  private final CompletableFuture<Void> finished = new CompletableFuture<>();
  private State state = State.OPEN;
  private long queuedBytes;
  private long dropped;
  private boolean inFlight;
  private boolean farewellSent;
  private boolean helloDue;
  private boolean answerDue;

  PeerOutbox(BatchSender sender) {
    this.sender = sender;
  }

  /** Queues a message; starts a send unless one is already in flight. Never blocks on I/O. */
  void offer(byte[] message) {
    Batch batch;
    synchronized (this) {
      if (state != State.OPEN) {
        return;
      }
      if (queuedBytes + message.length > MAX_QUEUED_BYTES) {
        dropped++;
        return;
      }
      queue.add(message);
      queuedBytes += message.length;
      batch = startSending();
    }
    send(batch);
  }

  /** Asks the peer for an answer: the next batch goes out as a HELLO, empty if need be. */
  void hello() {
    signal(true);
  }

  /** Answers a peer's HELLO: the next batch goes out even if empty. */
  void answer() {
    signal(false);
  }

  private void signal(boolean hello) {
    Batch batch;
    synchronized (this) {
      if (state != State.OPEN) {
        return;
      }
      helloDue |= hello;
      answerDue |= !hello;
      batch = startSending();
    }
    send(batch);
  }

  /**
   * Accepts no more messages, sends what is queued, then the farewell; the future completes
   * once the farewell is written (or failed) or the outbox is closed.
   */
  CompletableFuture<Void> finish() {
    Batch batch;
    synchronized (this) {
      if (state != State.OPEN) {
        return finished;
      }
      state = State.FINISHING;
      batch = startSending();
    }
    send(batch);
    return finished;
  }

  /** Drops everything queued and sends nothing more (the peer is down, or we stop now). */
  void close() {
    synchronized (this) {
      state = State.CLOSED;
      queue.clear();
      queuedBytes = 0;
    }
    finished.complete(null);
  }

  synchronized long dropped() {
    return dropped;
  }

  /** Claims the right to send unless a batch is in flight; the caller sends outside the lock. */
  private Batch startSending() {
    if (inFlight) {
      return null;
    }
    Batch batch = nextBatch();
    inFlight = batch != null;
    return batch;
  }

  /** Sends batches until none is left; loops rather than recursing on completed sends. */
  private void send(Batch first) {
    Batch batch = first;
    while (batch != null) {
      CompletableFuture<?> sent;
      try {
        sent = sender.send(batch.messages(), batch.kind());
      } catch (RuntimeException e) {
        sent = CompletableFuture.failedFuture(e);
      }
      if (!sent.isDone()) {
        Batch inFlightBatch = batch;
        sent.whenComplete((ok, error) -> send(afterSend(inFlightBatch, error != null)));
        return;
      }
      batch = afterSend(batch, sent.isCompletedExceptionally());
    }
  }

  /** Accounts for the finished batch; returns the next one, or null when nothing is left. */
  private Batch afterSend(Batch done, boolean failed) {
    if (done.last()) {
      finished.complete(null);
    }
    synchronized (this) {
      if (failed) {
        dropped += done.messages().size();
      }
      Batch next = nextBatch();
      inFlight = next != null;
      return next;
    }
  }

  /**
   * The queued messages up to {@link #MAX_BATCH_BYTES} (a HELLO if one is due; any batch
   * answers a HELLO), else an empty HELLO or answer if due, else the farewell if due, else null.
   */
  private Batch nextBatch() {
    if (state == State.CLOSED) {
      return null;
    }
    if (!queue.isEmpty() || helloDue || answerDue) {
      Envelope.Kind kind = helloDue ? Envelope.Kind.HELLO : Envelope.Kind.DATA;
      helloDue = false;
      answerDue = false;
      List<byte[]> messages = new ArrayList<>();
      int bytes = 0;
      while (!queue.isEmpty()
          && (messages.isEmpty() || bytes + queue.peek().length <= MAX_BATCH_BYTES)) {
        byte[] message = queue.poll();
        bytes += message.length;
        queuedBytes -= message.length;
        messages.add(message);
      }
      return new Batch(messages, kind);
    }
    if (state == State.FINISHING && !farewellSent) {
      farewellSent = true;
      return new Batch(List.of(), Envelope.Kind.FAREWELL);
    }
    return null;
  }
}
