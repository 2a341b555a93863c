package dev.procgroups.transport.atomix;

import static dev.procgroups.transport.atomix.Envelope.Kind.DATA;
import static dev.procgroups.transport.atomix.Envelope.Kind.FAREWELL;
import static dev.procgroups.transport.atomix.Envelope.Kind.HELLO;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PeerOutboxTest {

  /** A fake Atomix: records batches and completes each one only when the test says so. */
  private final List<List<byte[]>> batches = new ArrayList<>();

  private final List<Envelope.Kind> kinds = new ArrayList<>();
  private final List<Long> targets = new ArrayList<>();
  private final List<CompletableFuture<Void>> pending = new ArrayList<>();
  private final PeerOutbox outbox =
      new PeerOutbox(
          (batch, kind, target) -> {
            batches.add(batch);
            kinds.add(kind);
            targets.add(target);
            CompletableFuture<Void> sent = new CompletableFuture<>();
            pending.add(sent);
            return sent;
          });

  /** The start of the peer that is up. */
  private static final long PEER = 5;

  @BeforeEach
  void peerIsUp() {
    outbox.retarget(PEER, true);
  }

  @Test
  void takesMessagesOnlyForTheStartThatIsUpAndDropsWhatWasQueuedForAnother() {
    assertThat(outbox.offer(PEER + 1, bytes(1))).isFalse();
    assertThat(outbox.offer(PEER, bytes(1))).isTrue();
    outbox.offer(PEER, bytes(2)); // queued behind the batch in flight
    outbox.retarget(PEER + 1, true); // the peer restarted
    assertThat(outbox.offer(PEER, bytes(3))).isFalse();
    outbox.offer(PEER + 1, bytes(4));
    pending.get(0).complete(null);

    assertThat(batches).hasSize(2);
    assertThat(batches.get(1)).containsExactly(bytes(4));
    assertThat(targets).containsExactly(PEER, PEER + 1);
  }

  @Test
  void aPeerNotUpTakesNoMessagesAndIsGreetedWhateverItsStart() {
    outbox.retarget(PEER, false);
    assertThat(outbox.offer(PEER, bytes(1))).isFalse();
    outbox.hello();
    assertThat(kinds).containsExactly(HELLO);
    assertThat(targets).containsExactly(Envelope.ANY_START);
  }

  @Test
  void keepAliveSendsAnEmptyBatchOnlyIfNothingWentOutSinceTheLastOne() {
    outbox.offer(PEER, bytes(1));
    pending.get(0).complete(null);
    outbox.keepAlive(); // a batch went out since: nothing
    assertThat(batches).hasSize(1);
    outbox.keepAlive();
    assertThat(batches).hasSize(2);
    assertThat(batches.get(1)).isEmpty();
    assertThat(kinds.get(1)).isEqualTo(DATA);
  }

  @Test
  void keepsOneBatchInFlightAndSendsTheRestInOrderAsOneBatch() {
    outbox.offer(PEER, bytes(1));
    outbox.offer(PEER, bytes(2));
    outbox.offer(PEER, bytes(3));
    assertThat(batches).hasSize(1);

    pending.get(0).complete(null);
    assertThat(batches).hasSize(2);
    assertThat(batches.get(0)).containsExactly(bytes(1));
    assertThat(batches.get(1)).containsExactly(bytes(2), bytes(3));

    pending.get(1).complete(null);
    outbox.offer(PEER, bytes(4));
    assertThat(batches).hasSize(3);
  }

  @Test
  void aFailedBatchIsCountedAsDroppedAndSendingGoesOn() {
    outbox.offer(PEER, bytes(1));
    outbox.offer(PEER, bytes(2));
    pending.get(0).completeExceptionally(new IllegalStateException("connection refused"));

    assertThat(outbox.dropped()).isEqualTo(1);
    assertThat(batches).hasSize(2);
  }

  @Test
  void splitsLargeBacklogsIntoBoundedBatches() {
    outbox.offer(PEER, bytes(0));
    byte[] half = new byte[PeerOutbox.MAX_BATCH_BYTES / 2];
    for (int i = 0; i < 4; i++) {
      outbox.offer(PEER, half);
    }
    pending.get(0).complete(null);
    assertThat(batches.get(1)).hasSize(2);
    pending.get(1).complete(null);
    assertThat(batches.get(2)).hasSize(2);
  }

  @Test
  void dropsWhatWouldOverfillTheQueue() {
    outbox.offer(PEER, bytes(0)); // in flight, never completes
    byte[] big = new byte[(int) (PeerOutbox.MAX_QUEUED_BYTES / 4)];
    for (int i = 0; i < 5; i++) {
      outbox.offer(PEER, big);
    }
    assertThat(outbox.dropped()).isEqualTo(1);
  }

  @Test
  void aClosedOutboxSendsNothingMore() {
    outbox.offer(PEER, bytes(1));
    outbox.offer(PEER, bytes(2));
    outbox.close();
    pending.get(0).complete(null);
    outbox.offer(PEER, bytes(3));
    assertThat(batches).hasSize(1);
  }

  @Test
  void finishSendsWhatIsQueuedThenTheFarewellAndRefusesNewMessages() {
    outbox.offer(PEER, bytes(1));
    outbox.offer(PEER, bytes(2));
    CompletableFuture<Void> finished = outbox.finish();
    outbox.offer(PEER, bytes(3));

    pending.get(0).complete(null);
    assertThat(batches.get(1)).containsExactly(bytes(2));
    assertThat(finished).isNotDone();
    pending.get(1).complete(null);
    assertThat(batches.get(2)).isEmpty();
    assertThat(kinds).containsExactly(DATA, DATA, FAREWELL);
    assertThat(finished).isNotDone();
    pending.get(2).complete(null);
    assertThat(finished).isDone();
  }

  @Test
  void finishWithNothingQueuedSendsTheFarewellAtOnceAndOnlyOnce() {
    CompletableFuture<Void> finished = outbox.finish();
    assertThat(outbox.finish()).isSameAs(finished);
    assertThat(kinds).containsExactly(FAREWELL);
  }

  @Test
  void closeReleasesAWaitingFinish() {
    outbox.offer(PEER, bytes(1));
    CompletableFuture<Void> finished = outbox.finish();
    outbox.close();
    assertThat(finished).isDone();
    pending.get(0).complete(null);
    assertThat(kinds).containsExactly(DATA);
  }

  @Test
  void aHelloGoesOutEmptyOrRidesOnTheNextBatchAndAnAnswerIsAnEmptyBatch() {
    outbox.hello();
    assertThat(batches.get(0)).isEmpty();
    outbox.offer(PEER, bytes(1));
    outbox.hello();
    pending.get(0).complete(null);
    assertThat(batches.get(1)).containsExactly(bytes(1));
    outbox.answer();
    pending.get(1).complete(null);
    assertThat(batches.get(2)).isEmpty();
    assertThat(kinds).containsExactly(HELLO, HELLO, DATA);
  }

  private static byte[] bytes(int value) {
    return new byte[] {(byte) value};
  }
}
