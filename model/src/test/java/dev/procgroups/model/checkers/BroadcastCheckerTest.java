package dev.procgroups.model.checkers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.model.checkers.MembershipOp.Change;
import dev.procgroups.model.checkers.ReceiverLog.Delivery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-made histories: a good one passes, each planted bug is flagged with its kind. */
class BroadcastCheckerTest {
  static final String P1 = "{n1@app:processes|000001}";
  static final String P2 = "{n2@app:processes|000002}";
  static final String P3 = "{n3@app:processes|000003}";

  /** The only window: no fault before it, none after. */
  static final Window WHOLE = new Window(0, 10_000, true);

  static final long READ = 20_000;

  private final List<MembershipOp> membership =
      new ArrayList<>(List.of(join(1, P1, 0, 10), join(2, P2, 0, 10)));
  private final List<BroadcastSend> sends =
      new ArrayList<>(List.of(send(3, 1, 200, 210), send(4, 2, 300, 310)));

  /** The sender's node listed both receivers before the sends. */
  private List<ViewRead> views = List.of(new ViewRead("n1", "g", List.of(P1, P2), 150, 160));

  private Window window = WHOLE;

  @Test
  void everyMemberGettingEveryBroadcastInOrderOnceIsValid() {
    CheckResult r = check(log(P1, 1, 2), log(P2, 1, 2));
    assertThat(r.validity()).isEqualTo(Validity.VALID);
    assertThat(r.counts()).containsEntry("pairs-decided", 4L).containsEntry("deliveries", 4L);
    assertThat(r.coverage()).isEqualTo(1.0);
  }

  @Test
  void flagsADuplicateDelivery() {
    assertFlags(check(log(P1, 1, 2), log(P2, 1, 1, 2)), "duplicate");
  }

  @Test
  void flagsAnOutOfOrderPairFromOneSender() {
    assertFlags(check(log(P1, 1, 2), log(P2, 2, 1)), "fifo");
  }

  @Test
  void flagsDeliveryToAProcessThatNeverJoined() {
    assertFlags(check(log(P1, 1, 2), log(P2, 1, 2), log(P3, 1)), "non-member");
  }

  @Test
  void flagsABroadcastMissedWhileTheClusterWasWhole() {
    assertFlags(check(log(P1, 1, 2), log(P2, 1)), "missed");
  }

  @Test
  void flagsAMessageNobodySent() {
    assertFlags(check(log(P1, 1, 2, 99), log(P2, 1, 2)), "phantom");
  }

  @Test
  void aBroadcastLostOutsideEveryWholeWindowIsAllowed() {
    sends.set(1, send(4, 2, 20_000, 20_010));
    assertThat(check(log(P1, 1, 2), log(P2, 1)).validity()).isEqualTo(Validity.VALID);
  }

  @Test
  void aBroadcastBeforeTheViewWasSeenIsNotJudgedWhateverTheDelay() {
    views = List.of(new ViewRead("n1", "g", List.of(P1), 150, 160));
    CheckResult r = check(log(P1, 1, 2), log(P2));
    assertThat(r.validity()).isEqualTo(Validity.VALID);
    assertThat(r.counts())
        .containsEntry("pairs-held-fault-free", 4L)
        .containsEntry("pairs-view-observed", 2L);
  }

  @Test
  void anEarlierDeliveryShowsTheViewToo() {
    views = List.of();
    assertFlags(check(log(P1, 1, 2), log(P2, 1)), "missed");
  }

  @Test
  void beforeAFaultOnlyALaterArrivalFromTheSameSenderDecides() {
    window = new Window(0, 10_000, false);
    assertFlags(check(log(P1, 1, 2), log(P2, 2)), "missed");
    CheckResult r = check(log(P1, 1, 2), log(P2, 1));
    assertThat(r.validity())
        .as("message 2 may have been cut by the next fault")
        .isEqualTo(Validity.UNKNOWN);
    assertThat(r.counts())
        .containsEntry("pairs-decided", 1L)
        .containsEntry("pairs-view-observed", 4L);
  }

  @Test
  void afterAHealOnlyAnEarlierArrivalShowsThePathWasBack() {
    window = new Window(100, 10_000, true);
    CheckResult lostWhileReconnecting = check(log(P1, 1, 2), log(P2, 2));
    assertThat(lostWhileReconnecting.validity())
        .as("message 1 may have gone out before the connection was back")
        .isNotEqualTo(Validity.INVALID);
    assertThat(lostWhileReconnecting.counts()).containsEntry("pairs-decided", 1L);
    assertFlags(check(log(P1, 1, 2), log(P2, 1)), "missed");
  }

  @Test
  void twoSlotsMayReceiveTwiceAndMustInAWholeWindow() {
    membership.add(join(5, P2, 20, 30));
    views = List.of(new ViewRead("n1", "g", List.of(P1, P2, P2), 150, 160));
    assertThat(check(log(P1, 1, 2), log(P2, 1, 1, 2, 2)).validity()).isEqualTo(Validity.VALID);
    assertFlags(check(log(P1, 1, 2), log(P2, 1, 1, 1, 2, 2)), "duplicate");
    assertFlags(check(log(P1, 1, 2), log(P2, 1, 1, 2)), "missed");
  }

  @Test
  void nothingObservedIsUnknown() {
    CheckResult r =
        BroadcastChecker.check(
            new BroadcastHistory(List.of(), List.of(), List.of(), List.of(), List.of()));
    assertThat(r.validity()).isEqualTo(Validity.UNKNOWN);
  }

  private CheckResult check(ReceiverLog... logs) {
    return BroadcastChecker.check(
        new BroadcastHistory(membership, sends, Arrays.asList(logs), List.of(window), views));
  }

  static void assertFlags(CheckResult r, String kind) {
    assertThat(r.validity()).isEqualTo(Validity.INVALID);
    assertThat(r.problems()).extracting(Problem::kind).contains(kind);
    assertThat(r.problems()).allSatisfy(p -> assertThat(p.ops()).isNotEmpty());
  }

  static MembershipOp join(long op, String pid, long invoke, long complete) {
    return new MembershipOp(op, pid, "g", Change.JOIN, invoke, complete, Outcome.OK);
  }

  private static BroadcastSend send(long op, long message, long invoke, long complete) {
    return new BroadcastSend(op, P1, "g", message, invoke, complete, Outcome.OK);
  }

  private static ReceiverLog log(String pid, long... messages) {
    return new ReceiverLog(
        pid, 100, READ, Arrays.stream(messages).mapToObj(m -> new Delivery(P1, m)).toList());
  }
}
