package dev.procgroups.transport.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret every node of one cluster shares. Messages are authenticated with a key derived from
 * it ({@link #messageKey()}), never with the secret itself, so the secret can later serve other
 * purposes without reusing one key for two jobs. Never printed.
 */
public final class ClusterSecret {

  /** Shorter secrets are too easy to guess offline from one captured message. */
  public static final int MIN_BYTES = 16;

  /**
   * Fewer different byte values mark a secret typed by hand ({@code aaaaaaaaaaaaaaaa}, {@code
   * abababab...}): random bytes, hex or base64 of random bytes have far more.
   */
  public static final int MIN_DISTINCT_BYTES = 6;

  static final String MAC_ALGORITHM = "HmacSHA256";
  private static final int GENERATED_BYTES = 32;
  private static final byte[] KEY_LABEL =
      "procgroups transport message key v1".getBytes(StandardCharsets.UTF_8);

  private final byte[] bytes;

  private ClusterSecret(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * A secret from raw bytes (at least {@link #MIN_BYTES}, of at least {@link #MIN_DISTINCT_BYTES}
   * different values); the array is copied.
   */
  public static ClusterSecret of(byte[] bytes) {
    if (bytes.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "a cluster secret needs at least " + MIN_BYTES + " bytes, got " + bytes.length);
    }
    long distinct = IntStream.range(0, bytes.length).map(i -> bytes[i]).distinct().count();
    if (distinct < MIN_DISTINCT_BYTES) {
      throw new IllegalArgumentException(
          "the cluster secret is too weak ("
              + distinct
              + " different byte values): make one with head -c 32 /dev/urandom | xxd -p -c 64");
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
   * Reads a secret file: its bytes, without trailing line breaks (so {@code echo ... > file} and a
   * binary file both work). On a POSIX file system the file must not be readable by others nor
   * writable by anyone but its owner ({@code chmod 600} or {@code 640}).
   */
  public static ClusterSecret readFile(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.contains(PosixFilePermission.OTHERS_READ)
          || permissions.contains(PosixFilePermission.OTHERS_WRITE)
          || permissions.contains(PosixFilePermission.GROUP_WRITE)) {
        throw new IllegalArgumentException(
            "the secret file "
                + file
                + " is "
                + PosixFilePermissions.toString(permissions)
                + ": anybody on this host could read or "
                + "replace it; chmod 600 "
                + file);
      }
    }
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
