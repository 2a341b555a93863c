package dev.procgroups.transport.atomix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.procgroups.transport.NodeId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

  private final NodeId sender = new NodeId("nöde-1", 42);

  @Test
  void roundTripsSenderTargetIncarnationAndMessagesInOrder() {
    List<byte[]> messages = List.of(new byte[0], new byte[] {1, 2, 3}, new byte[] {-1});
    Envelope decoded = Envelope.decode(new Envelope(sender, 7, messages, false).encode());

    assertThat(decoded.from()).isEqualTo(sender);
    assertThat(decoded.toIncarnation()).isEqualTo(7);
    assertThat(decoded.farewell()).isFalse();
    assertThat(decoded.messages()).hasSize(3);
    for (int i = 0; i < messages.size(); i++) {
      assertThat(decoded.messages().get(i)).isEqualTo(messages.get(i));
    }
  }

  @Test
  void carriesTheFarewellFlag() {
    Envelope farewell = new Envelope(sender, 7, List.of(), true);
    assertThat(Envelope.decode(farewell.encode()).farewell()).isTrue();
  }

  @Test
  void rejectsEveryTruncation() {
    byte[] encoded = new Envelope(sender, 7, List.of(new byte[] {1, 2}, new byte[] {3}), false).encode();
    for (int length = 0; length < encoded.length; length++) {
      byte[] truncated = Arrays.copyOf(encoded, length);
      assertThatIllegalArgumentException().isThrownBy(() -> Envelope.decode(truncated));
    }
  }

  @Test
  void rejectsTrailingBytesAndUnknownVersions() {
    byte[] encoded = new Envelope(sender, 7, List.of(new byte[] {1}), false).encode();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Envelope.decode(Arrays.copyOf(encoded, encoded.length + 1)));
    encoded[0] = 99;
    assertThatIllegalArgumentException().isThrownBy(() -> Envelope.decode(encoded));
  }
}
