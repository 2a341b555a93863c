package dev.procgroups.transport.atomix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent.Down;
import dev.procgroups.transport.PeerEvent.Up;
import org.junit.jupiter.api.Test;

class PeerTableTest {

  private final PeerTable table = new PeerTable();
  private final NodeId first = new NodeId("n2", 1);
  private final NodeId second = new NodeId("n2", 2);

  @Test
  void aNewMemberIsUpOnceHoweverOftenItIsSeen() {
    assertThat(table.alive(first)).containsExactly(new Up(first));
    assertThat(table.alive(first)).isEmpty();
    assertThat(table.up()).containsExactly(first);
  }

  @Test
  void aLargerIncarnationUnderAKnownNameIsDownOldThenUpNew() {
    table.alive(first);
    assertThat(table.alive(second)).containsExactly(new Down(first), new Up(second));
    assertThat(table.up()).containsExactly(second);
  }

  @Test
  void aStaleReportAboutAnOlderStartChangesNothing() {
    table.alive(second);
    assertThat(table.alive(first)).isEmpty();
    assertThat(table.up()).containsExactly(second);
  }

  @Test
  void aRemovedMemberIsDownOnceAndUpAgainWhenItComesBack() {
    table.alive(first);
    assertThat(table.gone("n2")).containsExactly(new Down(first));
    assertThat(table.gone("n2")).isEmpty();
    assertThat(table.alive(first)).containsExactly(new Up(first));
  }

  @Test
  void aFarewellIsDownAtOnceAndThatStartNeverComesBackButANewOneDoes() {
    table.alive(first);
    assertThat(table.left(first)).containsExactly(new Down(first));
    assertThat(table.alive(first)).as("SWIM still lists it for a while").isEmpty();
    assertThat(table.alive(second)).containsExactly(new Up(second));
  }

  @Test
  void aFarewellFromANewerStartTakesTheKnownOneDown() {
    table.alive(first);
    assertThat(table.left(second)).containsExactly(new Down(first));
    assertThat(table.up()).isEmpty();
  }

  @Test
  void aLateFarewellOfAnOlderStartChangesNothing() {
    table.alive(second);
    assertThat(table.left(first)).isEmpty();
    assertThat(table.up()).containsExactly(second);
  }
}
