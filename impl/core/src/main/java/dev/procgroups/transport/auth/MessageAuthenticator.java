package dev.procgroups.transport.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a message with an HMAC-SHA256 tag under the cluster's message key and opens sealed
 * messages, refusing any whose tag does not match. Authenticity only: the message travels in clear.
 * Replays are the caller's business ({@link ReplayGuard}): the tag covers whatever sequence number
 * the caller put in the message. Thread-safe.
 */
public final class MessageAuthenticator {

  /** Bytes of the tag appended to every sealed message. */
  public static final int TAG_BYTES = 32;

  private final ThreadLocal<Mac> macs; // a Mac is stateful and not thread-safe

  public MessageAuthenticator(ClusterSecret secret) {
    SecretKeySpec key = secret.messageKey();
    this.macs = ThreadLocal.withInitial(() -> newMac(key));
  }

  /** {@code message} followed by its tag. */
  public byte[] seal(byte[] message) {
    byte[] sealed = Arrays.copyOf(message, message.length + TAG_BYTES);
    Mac mac = macs.get();
    mac.update(message);
    try {
      mac.doFinal(sealed, message.length);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("tag does not fit", e); // the array has room by construction
    }
    return sealed;
  }

  /** The message inside {@code sealed}, or empty if it is too short or its tag is wrong. */
  public Optional<byte[]> open(byte[] sealed) {
    if (sealed.length < TAG_BYTES) {
      return Optional.empty();
    }
    int length = sealed.length - TAG_BYTES;
    Mac mac = macs.get();
    mac.update(sealed, 0, length);
    byte[] expected = mac.doFinal();
    byte[] actual = Arrays.copyOfRange(sealed, length, sealed.length);
    // Constant time: a timing difference would let a forger learn the tag byte by byte.
    return MessageDigest.isEqual(expected, actual)
        ? Optional.of(Arrays.copyOf(sealed, length))
        : Optional.empty();
  }

  private static Mac newMac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(ClusterSecret.MAC_ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + ClusterSecret.MAC_ALGORITHM, e);
    }
  }
}
