package dev.procgroups.transport.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret every node of one cluster shares. Messages are authenticated with a key derived
 * from it ({@link #messageKey()}), never with the secret itself, so the secret can later serve
 * other purposes without reusing one key for two jobs. Never printed.
 */
public final class ClusterSecret {

  /** Shorter secrets are too easy to guess offline from one captured message. */
  public static final int MIN_BYTES = 16;
  static final String MAC_ALGORITHM = "HmacSHA256";
  private static final int GENERATED_BYTES = 32;
  private static final byte[] KEY_LABEL =
      "procgroups transport message key v1".getBytes(StandardCharsets.UTF_8);

  private final byte[] bytes;

  private ClusterSecret(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A secret from raw bytes (at least {@link #MIN_BYTES}); the array is copied. */
  public static ClusterSecret of(byte[] bytes) {
    if (bytes.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "a cluster secret needs at least " + MIN_BYTES + " bytes, got " + bytes.length);
    }
    return new ClusterSecret(bytes.clone());
  }

  /** A fresh random secret (32 bytes from {@link SecureRandom}), e.g. for a local cluster. */
  public static ClusterSecret random() {
    byte[] bytes = new byte[GENERATED_BYTES];
    new SecureRandom().nextBytes(bytes);
    return new ClusterSecret(bytes);
  }

  /**
   * Reads a secret file: its bytes, without trailing line breaks (so {@code echo ... > file}
   * and a binary file both work).
   */
  public static ClusterSecret readFile(Path file) throws IOException {
    byte[] content = Files.readAllBytes(file);
    int length = content.length;
    while (length > 0 && (content[length - 1] == '\n' || content[length - 1] == '\r')) {
      length--;
    }
    return of(Arrays.copyOf(content, length));
  }

  /** The HMAC-SHA256 key for transport messages: HMAC-SHA256(secret, a fixed label). */
  SecretKeySpec messageKey() {
    try {
      Mac mac = Mac.getInstance(MAC_ALGORITHM);
      mac.init(new SecretKeySpec(bytes, MAC_ALGORITHM));
      return new SecretKeySpec(mac.doFinal(KEY_LABEL), MAC_ALGORITHM);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + MAC_ALGORITHM, e);
    }
  }

  @Override
  public String toString() {
    return "ClusterSecret[redacted]";
  }
}
