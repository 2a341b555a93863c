package dev.procgroups.transport.atomix;

import static dev.procgroups.transport.atomix.Envelope.Kind.DATA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.atomix.EnvelopeSeal.Opened;
import dev.procgroups.transport.auth.ClusterSecret;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class EnvelopeSealTest {

  private final ClusterSecret secret = ClusterSecret.random();
  private final NodeId a = new NodeId("a", 1);
  private final NodeId b = new NodeId("b", 3);
  private final EnvelopeSeal sender = new EnvelopeSeal(a, secret);
  private final EnvelopeSeal receiver = new EnvelopeSeal(b, secret);
  private final List<byte[]> batch = List.of(new byte[] {1, 2, 3});

  /** Plaintext: any authenticated sender may claim its name. */
  private static final Predicate<String> ANY_NAME = name -> true;

  @Test
  void acceptsAnAuthenticNewEnvelopeForThisStart() {
    Opened opened = receiver.open(sender.seal(b, DATA, batch), ANY_NAME);
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
      assertThat(receiver.open(tampered, ANY_NAME))
          .as("byte %d", i)
          .isInstanceOf(Opened.Rejected.class);
    }
    assertThat(receiver.open(sealed, ANY_NAME))
        .as("the original still passes")
        .isInstanceOf(Opened.Accepted.class);
  }

  @Test
  void rejectsAReplayAndAnOlderMessageOfTheSameSender() {
    byte[] first = sender.seal(b, DATA, batch);
    byte[] second = sender.seal(b, DATA, batch);
    assertThat(receiver.open(second, ANY_NAME)).isInstanceOf(Opened.Accepted.class);
    assertThat(receiver.open(second, ANY_NAME)).isInstanceOf(Opened.Rejected.class);
    assertThat(receiver.open(first, ANY_NAME)).isInstanceOf(Opened.Rejected.class);
  }

  @Test
  void rejectsAnotherSecretAndNamesTheClaimedSender() {
    EnvelopeSeal rogue = new EnvelopeSeal(new NodeId("rogue", 1), ClusterSecret.random());
    Opened opened = receiver.open(rogue.seal(b, DATA, batch), ANY_NAME);
    assertThat(opened)
        .isEqualTo(new Opened.Rejected("rogue", "authentication failed (another cluster secret?)"));
    EnvelopeSeal sameNameOtherSecret = new EnvelopeSeal(a, ClusterSecret.random());
    assertThat(receiver.open(sameNameOtherSecret.seal(b, DATA, batch), ANY_NAME))
        .isInstanceOf(Opened.Rejected.class);
  }

  @Test
  void rejectsAnEnvelopeForAnotherNodeAndDropsOneForAnEarlierStartQuietly() {
    assertThat(receiver.open(sender.seal(new NodeId("c", 3), DATA, batch), ANY_NAME))
        .isInstanceOf(Opened.Rejected.class);
    assertThat(receiver.open(sender.seal(new NodeId("b", 2), DATA, batch), ANY_NAME))
        .isInstanceOf(Opened.Stale.class);
  }

  @Test
  void rejectsASenderItsCertificateDoesNotNameWithoutMovingItsReplayWindow() {
    byte[] later = new EnvelopeSeal(new NodeId("a", 9), secret).seal(b, DATA, batch);
    assertThat(receiver.open(later, name -> false))
        .isEqualTo(new Opened.Rejected("a", "its TLS certificate does not name it"));
    assertThat(receiver.open(sender.seal(b, DATA, batch), ANY_NAME))
        .as("the real a's earlier start still gets through")
        .isInstanceOf(Opened.Accepted.class);
  }
}
