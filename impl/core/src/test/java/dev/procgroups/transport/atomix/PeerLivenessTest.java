package dev.procgroups.transport.atomix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent.Down;
import dev.procgroups.transport.PeerEvent.Up;
import org.junit.jupiter.api.Test;

class PeerLivenessTest {

  private static final long LIMIT = 1_000;
  private final PeerLiveness liveness = new PeerLiveness(LIMIT);
  private final NodeId first = new NodeId("n2", 1);
  private final NodeId second = new NodeId("n2", 2);

  @Test
  void aPeerIsUpOnceHoweverOftenItIsHeard() {
    assertThat(liveness.heard(first, 0)).containsExactly(new Up(first));
    assertThat(liveness.heard(first, 10)).isEmpty();
    assertThat(liveness.up()).containsExactly(first);
    assertThat(liveness.isUp(first)).isTrue();
  }

  @Test
  void aPeerSilentForLongerThanTheLimitIsDownAndUpAgainWhenHeard() {
    liveness.heard(first, 0);
    assertThat(liveness.tick(LIMIT)).isEmpty();
    assertThat(liveness.tick(LIMIT + 1)).containsExactly(new Down(first));
    assertThat(liveness.tick(LIMIT + 2)).isEmpty();
    assertThat(liveness.heard(first, LIMIT + 3)).containsExactly(new Up(first));
  }

  @Test
  void beingHeardPostponesTheDown() {
    liveness.heard(first, 0);
    liveness.heard(first, 900);
    assertThat(liveness.tick(1_500)).isEmpty();
    assertThat(liveness.tick(1_901)).containsExactly(new Down(first));
  }

  @Test
  void thisNodesOwnStallIsNotItsPeersSilence() {
    liveness.heard(first, 0);
    assertThat(liveness.tick(100)).isEmpty();
    // This node ran nothing for 5 limits (a GC pause): its peer's heartbeats wait unread.
    assertThat(liveness.tick(100 + 5 * LIMIT)).as("the tick after the stall").isEmpty();
    assertThat(liveness.isUp(first)).isTrue();
    // Ticking normally again, the silence it saw before and after the stall adds up: 100 ms
    // before, so the peer goes down once it has been silent for 900 ms more.
    long t = 100 + 5 * LIMIT;
    for (long step = 1; step <= 9; step++) {
      assertThat(liveness.tick(t + step * 100)).isEmpty();
    }
    assertThat(liveness.tick(t + 901)).containsExactly(new Down(first));
  }

  @Test
  void aLaterStartIsDownOldThenUpNewAndAnEarlierStartChangesNothing() {
    liveness.heard(first, 0);
    assertThat(liveness.heard(second, 1)).containsExactly(new Down(first), new Up(second));
    assertThat(liveness.heard(first, 2)).isEmpty();
    assertThat(liveness.isUp(first)).isFalse();
    assertThat(liveness.up()).containsExactly(second);
  }

  @Test
  void aFarewellIsDownAtOnceAndThatStartNeverComesBackButALaterOneDoes() {
    liveness.heard(first, 0);
    assertThat(liveness.farewell(first)).containsExactly(new Down(first));
    assertThat(liveness.heard(first, 1)).isEmpty();
    assertThat(liveness.heard(second, 2)).containsExactly(new Up(second));
  }

  @Test
  void aFarewellOfAnEarlierStartLeavesTheLaterOneUp() {
    liveness.heard(second, 0);
    assertThat(liveness.farewell(first)).isEmpty();
    assertThat(liveness.isUp(second)).isTrue();
  }
}
