package dev.procgroups.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procgroups.testing.PlantedBugs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A process mailbox's byte bound beside its count bound (docs/DECISIONS.md, "Mailbox bytes"). */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class MailboxBytesTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final String BIG = "x".repeat(512 * 1024);

  /** BIG on the wire, counted here by hand: a tag, a 3-byte varint length, 512 KiB of ASCII. */
  private static final long BIG_ENCODED = 1 + 3 + 512 * 1024;

  private static final long BIG_CHARGE = BIG_ENCODED + Message.OVERHEAD_BYTES;
  private static final Pid FROM = new Pid("n1", "app:processes", 1);

  private final List<ProcessRuntime> runtimes = new ArrayList<>();
  private final CountDownLatch stop = new CountDownLatch(1);

  @AfterEach
  void closeRuntimes() throws InterruptedException {
    stop.countDown();
    for (ProcessRuntime runtime : runtimes) {
      assertThat(runtime.shutdown(WAIT)).isTrue();
    }
  }

  @Test
  void theCopyAddsUpTheEncodedSize() {
    assertThat(Payloads.packSized(BIG).bytes()).isEqualTo(BIG_ENCODED);
    assertThat(Payloads.packSized().bytes()).as("nil").isEqualTo(1);
    // a list of two: tag+count 2, 300 → zigzag 600: tag + 2 varint bytes, "é": tag, length, 2
    assertThat(Payloads.packSized(300, "é").bytes()).isEqualTo(2 + 3 + 4);
    // a map of one: tag+count 2, key "k" → length + 1, true → 1
    assertThat(Payloads.packSized(Map.of("k", true)).bytes()).isEqualTo(2 + 2 + 1);
    assertThat(Payloads.packSized(300, "é").bytes())
        .as("the payload bound's rule gives the same")
        .isEqualTo(EncodedSize.of(new Object[] {300, "é"}, Long.MAX_VALUE));
  }

  @Test
  void aReceiverThatNeverReadsKeepsItsQueuedBytesUnderTheBoundAndCountsTheDrops() throws Exception {
    ProcessRuntime runtime = runtime(ProcessRuntime.builder("n1"));
    Flood flood = flood(runtime, 200);
    assertWithinBound(flood, runtime);
    assertThat(flood.accepted())
        .as("64 MiB / (512 KiB + overhead)")
        .isEqualTo(ProcessRuntime.DEFAULT_MAILBOX_BYTES / BIG_CHARGE);
    assertThat(flood.receiver().droppedMessages()).isEqualTo(200 - flood.accepted());
    assertThat(runtime.droppedMessages()).isEqualTo(200 - flood.accepted());
    assertThat(runtime.largestMailboxBytes()).isEqualTo(flood.receiver().queuedBytes());
    assertThat(runtime.largestMailbox()).isEqualTo(flood.accepted());
  }

  @Test
  void withoutTheByteChargeTheSameFloodPassesTheBound() throws Exception {
    ProcessRuntime mutant =
        PlantedBugs.with(Set.of("UNCHARGED_PAYLOADS"), () -> runtime(ProcessRuntime.builder("n1")));
    Flood flood = flood(mutant, 200);
    assertThat(flood.accepted()).as("only the count bound is left").isEqualTo(200);
    assertThatThrownBy(() -> assertWithinBound(flood, mutant)).isInstanceOf(AssertionError.class);
  }

  @Test
  void sendToAMailboxFullOfBytesSaysSoAndReceivingMakesRoom() throws Exception {
    ProcessRuntime runtime = runtime(ProcessRuntime.builder("n1").mailboxBytes(2 * BIG_CHARGE));
    CountDownLatch take = new CountDownLatch(1);
    CountDownLatch taken = new CountDownLatch(1);
    RunningProcess p =
        runtime.spawn(
            context -> {
              take.await();
              context.inbox().receive();
              taken.countDown();
              stop.await();
            });
    assertThat(runtime.send(FROM, p.pid(), "t", BIG)).isTrue();
    assertThat(runtime.send(FROM, p.pid(), "t", BIG)).isTrue();
    assertThatThrownBy(() -> runtime.send(FROM, p.pid(), "t", BIG))
        .isInstanceOf(MailboxFullException.class)
        .hasMessageContaining(2 * BIG_CHARGE + " bytes");
    assertThatThrownBy(() -> runtime.send(FROM, p.pid(), "t", 1L))
        .as("nor a small one")
        .isInstanceOf(MailboxFullException.class);
    take.countDown();
    assertThat(taken.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(runtime.send(FROM, p.pid(), "t", BIG)).as("receiving gave its bytes back").isTrue();
    assertThat(p.droppedMessages()).isEqualTo(2);
  }

  @Test
  void receivedAndDiscardedMessagesGiveTheirBytesBack() throws Exception {
    Mailbox mailbox = new Mailbox(100, 10 * BIG_CHARGE, true);
    Channel<Message> topic = mailbox.listen("t");
    for (int i = 0; i < 3; i++) {
      assertThat(mailbox.deliver(big("t"))).isEqualTo(Channel.PutResult.ACCEPTED);
      assertThat(mailbox.deliver(big("u"))).isEqualTo(Channel.PutResult.ACCEPTED); // the inbox
    }
    assertThat(mailbox.bytes()).isEqualTo(6 * BIG_CHARGE);
    assertThat(topic.receive().ok()).isTrue();
    assertThat(mailbox.bytes()).isEqualTo(5 * BIG_CHARGE);
    topic.closeDiscarding();
    assertThat(mailbox.bytes()).isEqualTo(3 * BIG_CHARGE);
    for (int i = 0; i < 3; i++) {
      assertThat(mailbox.inbox().receive().ok()).isTrue();
    }
    assertThat(mailbox.bytes()).isZero();
    assertThat(mailbox.size()).isZero();
  }

  @Test
  void theByteBoundMustBePositive() {
    assertThatThrownBy(() -> ProcessRuntime.builder("n1").mailboxBytes(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mailboxBytes");
  }

  private static Message big(String topic) {
    return new Message(FROM, topic, BIG, BIG_ENCODED);
  }

  /** What a flood of BIG left in a receiver that never reads. */
  private record Flood(RunningProcess receiver, long accepted) {}

  /**
   * Half broadcast-style deliveries (the payload copied and sized once, as pg does), half sends
   * (refused with MailboxFullException once full), to a process listening to one of the topics.
   */
  private Flood flood(ProcessRuntime runtime, int messages) throws InterruptedException {
    CountDownLatch listening = new CountDownLatch(1);
    RunningProcess receiver =
        runtime.spawn(
            context -> {
              context.listen("t");
              listening.countDown();
              stop.await(); // never reads
            });
    assertThat(listening.await(5, TimeUnit.SECONDS)).isTrue();
    Payloads.Packed packed = Payloads.packSized(BIG);
    long accepted = 0;
    for (int i = 0; i < messages; i++) {
      boolean put;
      if (i % 2 == 0) {
        put = runtime.deliver(receiver.pid(), FROM, "t", packed.payload(), packed.bytes());
      } else {
        try {
          put = runtime.send(FROM, receiver.pid(), "other", BIG);
        } catch (MailboxFullException full) {
          put = false;
        }
      }
      accepted += put ? 1 : 0;
    }
    return new Flood(receiver, accepted);
  }

  /** Counts the queued bytes from what was accepted, not from the mailbox's own account. */
  private static void assertWithinBound(Flood flood, ProcessRuntime runtime) {
    assertThat(flood.accepted() * BIG_CHARGE)
        .as("bytes queued")
        .isLessThanOrEqualTo(runtime.mailboxBytes());
    assertThat(flood.receiver().queuedBytes())
        .as("the account")
        .isEqualTo(flood.accepted() * BIG_CHARGE);
  }

  private ProcessRuntime runtime(ProcessRuntime.Builder builder) {
    ProcessRuntime runtime = builder.build();
    runtimes.add(runtime);
    return runtime;
  }
}
