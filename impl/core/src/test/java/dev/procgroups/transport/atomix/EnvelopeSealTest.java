package dev.procgroups.transport.atomix;

import static dev.procgroups.transport.atomix.Envelope.Kind.DATA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.atomix.EnvelopeSeal.Opened;
import dev.procgroups.transport.auth.ClusterSecret;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopeSealTest {

  private final ClusterSecret secret = ClusterSecret.random();
  private final NodeId a = new NodeId("a", 1);
  private final NodeId b = new NodeId("b", 3);
  private final EnvelopeSeal sender = new EnvelopeSeal(a, secret);
  private final EnvelopeSeal receiver = new EnvelopeSeal(b, secret);
  private final List<byte[]> batch = List.of(new byte[] {1, 2, 3});

  @Test
  void acceptsAnAuthenticNewEnvelopeForThisStart() {
    Opened opened = receiver.open(sender.seal(b, DATA, batch));
    assertThat(opened).isInstanceOf(Opened.Accepted.class);
    Envelope envelope = ((Opened.Accepted) opened).envelope();
    assertThat(envelope.from()).isEqualTo(a);
    assertThat(envelope.messages().get(0)).containsExactly(1, 2, 3);
  }

  @Test
  void rejectsEveryTamperedByte() {
    byte[] sealed = sender.seal(b, DATA, batch);
    for (int i = 0; i < sealed.length; i++) {
      byte[] tampered = sealed.clone();
      tampered[i] ^= 0x5a;
      assertThat(receiver.open(tampered)).as("byte %d", i).isInstanceOf(Opened.Rejected.class);
    }
    assertThat(receiver.open(sealed))
        .as("the original still passes")
        .isInstanceOf(Opened.Accepted.class);
  }

  @Test
  void rejectsAReplayAndAnOlderMessageOfTheSameSender() {
    byte[] first = sender.seal(b, DATA, batch);
    byte[] second = sender.seal(b, DATA, batch);
    assertThat(receiver.open(second)).isInstanceOf(Opened.Accepted.class);
    assertThat(receiver.open(second)).isInstanceOf(Opened.Rejected.class);
    assertThat(receiver.open(first)).isInstanceOf(Opened.Rejected.class);
  }

  @Test
  void rejectsAnotherSecretAndNamesTheClaimedSender() {
    EnvelopeSeal rogue = new EnvelopeSeal(new NodeId("rogue", 1), ClusterSecret.random());
    Opened opened = receiver.open(rogue.seal(b, DATA, batch));
    assertThat(opened)
        .isEqualTo(new Opened.Rejected("rogue", "authentication failed (another cluster secret?)"));
    EnvelopeSeal sameNameOtherSecret = new EnvelopeSeal(a, ClusterSecret.random());
    assertThat(receiver.open(sameNameOtherSecret.seal(b, DATA, batch)))
        .isInstanceOf(Opened.Rejected.class);
  }

  @Test
  void rejectsAnEnvelopeForAnotherNodeAndDropsOneForAnEarlierStartQuietly() {
    assertThat(receiver.open(sender.seal(new NodeId("c", 3), DATA, batch)))
        .isInstanceOf(Opened.Rejected.class);
    assertThat(receiver.open(sender.seal(new NodeId("b", 2), DATA, batch)))
        .isInstanceOf(Opened.Stale.class);
  }
}
