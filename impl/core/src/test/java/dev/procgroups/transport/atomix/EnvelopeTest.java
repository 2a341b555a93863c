package dev.procgroups.transport.atomix;

import static dev.procgroups.transport.atomix.Envelope.Kind.DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.procgroups.transport.NodeId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

  private final NodeId sender = new NodeId("nöde-1", 42);
  private final NodeId receiver = new NodeId("b", 7);

  @Test
  void roundTripsSenderReceiverSequenceAndMessagesInOrder() {
    List<byte[]> messages = List.of(new byte[0], new byte[] {1, 2, 3}, new byte[] {-1});
    Envelope decoded = Envelope.decode(new Envelope(sender, receiver, 9, DATA, messages).encode());

    assertThat(decoded.from()).isEqualTo(sender);
    assertThat(decoded.to()).isEqualTo(receiver);
    assertThat(decoded.sequence()).isEqualTo(9);
    assertThat(decoded.kind()).isEqualTo(DATA);
    assertThat(decoded.messages()).hasSize(3);
    for (int i = 0; i < messages.size(); i++) {
      assertThat(decoded.messages().get(i)).isEqualTo(messages.get(i));
    }
  }

  @Test
  void carriesTheKind() {
    for (Envelope.Kind kind : Envelope.Kind.values()) {
      Envelope envelope = new Envelope(sender, receiver, 1, kind, List.of());
      assertThat(Envelope.decode(envelope.encode()).kind()).isEqualTo(kind);
    }
  }

  @Test
  void rejectsEveryTruncation() {
    byte[] encoded =
        new Envelope(sender, receiver, 1, DATA, List.of(new byte[] {1, 2}, new byte[] {3}))
            .encode();
    for (int length = 0; length < encoded.length; length++) {
      byte[] truncated = Arrays.copyOf(encoded, length);
      assertThatIllegalArgumentException().isThrownBy(() -> Envelope.decode(truncated));
    }
  }

  @Test
  void rejectsTrailingBytesAndUnknownVersions() {
    byte[] encoded = new Envelope(sender, receiver, 1, DATA, List.of(new byte[] {1})).encode();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Envelope.decode(Arrays.copyOf(encoded, encoded.length + 1)));
    encoded[0] = 99;
    assertThatIllegalArgumentException().isThrownBy(() -> Envelope.decode(encoded));
    encoded[0] = 3;
    encoded[1] = 3; // no such kind
    assertThatIllegalArgumentException().isThrownBy(() -> Envelope.decode(encoded));
  }
}
