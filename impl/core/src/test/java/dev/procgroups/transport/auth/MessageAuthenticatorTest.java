package dev.procgroups.transport.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageAuthenticatorTest {

  private final ClusterSecret secret = ClusterSecret.random();
  private final MessageAuthenticator authenticator = new MessageAuthenticator(secret);
  private final byte[] message = "join g {a@h|000001}".getBytes(StandardCharsets.UTF_8);

  @Test
  void opensWhatItSealed() {
    byte[] sealed = authenticator.seal(message);
    assertThat(sealed).hasSize(message.length + MessageAuthenticator.TAG_BYTES);
    assertThat(authenticator.open(sealed)).hasValue(message);
    assertThat(new MessageAuthenticator(secret).open(sealed)).hasValue(message);
  }

  @Test
  void rejectsEveryFlippedBitOfMessageAndTag() {
    byte[] sealed = authenticator.seal(message);
    for (int i = 0; i < sealed.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] tampered = sealed.clone();
        tampered[i] ^= (byte) (1 << bit);
        assertThat(authenticator.open(tampered)).as("byte %d bit %d", i, bit).isEmpty();
      }
    }
  }

  @Test
  void rejectsTruncatedExtendedAndUntaggedMessages() {
    byte[] sealed = authenticator.seal(message);
    for (int length = 0; length < sealed.length; length++) {
      assertThat(authenticator.open(Arrays.copyOf(sealed, length))).isEmpty();
    }
    assertThat(authenticator.open(Arrays.copyOf(sealed, sealed.length + 1))).isEmpty();
    assertThat(authenticator.open(message)).isEmpty();
  }

  @Test
  void rejectsATagMadeWithAnotherSecret() {
    byte[] sealedElsewhere = new MessageAuthenticator(ClusterSecret.random()).seal(message);
    assertThat(authenticator.open(sealedElsewhere)).isEmpty();
  }

  @Test
  void secretsAreAtLeastSixteenBytesAndNeverPrinted(@TempDir Path dir) throws Exception {
    assertThatIllegalArgumentException().isThrownBy(() -> ClusterSecret.of(new byte[15]));
    Path file = dir.resolve("secret");
    Files.writeString(file, "0123456789abcdef\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    ClusterSecret fromFile = ClusterSecret.readFile(file);
    byte[] sealed = new MessageAuthenticator(fromFile).seal(message);
    ClusterSecret same = ClusterSecret.of("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    assertThat(new MessageAuthenticator(same).open(sealed)).hasValue(message);
    Files.writeString(file, "short\n");
    assertThatIllegalArgumentException().isThrownBy(() -> ClusterSecret.readFile(file));
    assertThat(fromFile.toString()).doesNotContain("0123");
  }

  @Test
  void aWeakSecretOrAFileOthersCanReadIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ClusterSecret.of("aaaaaaaaaaaaaaaa".getBytes(StandardCharsets.US_ASCII)))
        .withMessageContaining("too weak");
    assertThatIllegalArgumentException().isThrownBy(() -> ClusterSecret.of(new byte[32]));
    Path file = dir.resolve("secret");
    Files.writeString(file, "0123456789abcdef\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ClusterSecret.readFile(file))
        .withMessageContaining("chmod 600");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
    assertThatIllegalArgumentException().isThrownBy(() -> ClusterSecret.readFile(file));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    assertThat(ClusterSecret.readFile(file)).isNotNull();
  }
}
