package dev.procgroups.transport.atomix;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The queue of messages to one peer, sent as batches with at most one batch in flight: an Atomix
 * message costs about as much as a batch of thousands (bench/results/transport.md), so whatever
 * queues up while one batch is written goes out as the next. Order is kept (Atomix keeps its own
 * sends in order, and so does this queue), and the farewell goes out after everything queued. Best
 * effort: a failed batch is dropped, and so is a message that would overfill the queue.
 */
final class PeerOutbox {

  static final int MAX_BATCH_BYTES = 1 << 20;
  static final long MAX_QUEUED_BYTES = 64L << 20;

  /** Sends one batch; completes when Atomix has written or failed it. */
  @FunctionalInterface
  interface BatchSender {
    /**
     * Sends to the peer's start {@code target} ({@link Envelope#ANY_START} before it was heard);
     * {@code kind} FAREWELL marks the last batch: this node is stopping.
     */
    CompletableFuture<?> send(List<byte[]> messages, Envelope.Kind kind, long target);
  }

  private record Batch(List<byte[]> messages, Envelope.Kind kind, long target) {
    boolean last() {
      return kind == Envelope.Kind.FAREWELL;
    }
  }

  private enum State {
    OPEN,
    FINISHING,
    CLOSED
  }

  private final BatchSender sender;
  private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
  private final CompletableFuture<Void> finished = new CompletableFuture<>();
  private State state = State.OPEN;

  /** The peer's start messages are for, and whether it takes messages (it is up). */
  private long target = Envelope.ANY_START;

  private boolean accepting;
  private long queuedBytes;
  private long dropped;
  private boolean inFlight;
  private boolean farewellSent;
  private boolean helloDue;
  private boolean answerDue;
  private boolean sentSinceKeepAlive;

  PeerOutbox(BatchSender sender) {
    this.sender = sender;
  }

  /**
   * Queues a message for the peer's start {@code incarnation}; starts a send unless one is already
   * in flight. Never blocks on I/O. False (nothing queued) if that start is not the one up now:
   * checked under the same lock as {@link #retarget}, so no message for one start is ever sent to
   * another.
   */
  boolean offer(long incarnation, byte[] message) {
    Batch batch;
    synchronized (this) {
      if (state != State.OPEN || !accepting || incarnation != target) {
        return false;
      }
      if (queuedBytes + message.length > MAX_QUEUED_BYTES) {
        dropped++;
        return true;
      }
      queue.add(message);
      queuedBytes += message.length;
      batch = startSending();
    }
    send(batch);
    return true;
  }

  /**
   * From now on, batches go to the peer's start {@code incarnation}, and messages are taken if
   * {@code accepting} (it is up); what was queued for another start, or while not accepting, is
   * dropped.
   */
  synchronized void retarget(long incarnation, boolean accepting) {
    if (incarnation != target || !accepting) {
      queue.clear();
      queuedBytes = 0;
    }
    this.target = incarnation;
    this.accepting = accepting;
  }

  /** Asks the peer for an answer: the next batch goes out as a HELLO, empty if need be. */
  void hello() {
    signal(true);
  }

  /** Answers a peer's HELLO: the next batch goes out even if empty. */
  void answer() {
    signal(false);
  }

  /**
   * The heartbeat: unless a batch went out since the previous call, sends an empty one, so the peer
   * hears from this node at least once per call interval.
   */
  void keepAlive() {
    Batch batch;
    synchronized (this) {
      if (state != State.OPEN) {
        return;
      }
      if (sentSinceKeepAlive) {
        sentSinceKeepAlive = false;
        return;
      }
      answerDue = true;
      batch = startSending();
    }
    send(batch);
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
   * Accepts no more messages, sends what is queued, then the farewell; the future completes once
   * the farewell is written (or failed) or the outbox is closed.
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
        sent = sender.send(batch.messages(), batch.kind(), batch.target());
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
   * The queued messages up to {@link #MAX_BATCH_BYTES} (a HELLO if one is due; any batch answers a
   * HELLO), else an empty HELLO or answer if due, else the farewell if due, else null.
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
      sentSinceKeepAlive = true;
      // A peer not up is greeted whatever its start: it may have restarted while silent.
      return new Batch(messages, kind, accepting ? target : Envelope.ANY_START);
    }
    if (state == State.FINISHING && !farewellSent) {
      farewellSent = true;
      return new Batch(List.of(), Envelope.Kind.FAREWELL, target);
    }
    return null;
  }
}
