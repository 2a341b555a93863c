package dev.procgroups.process;

import java.util.Objects;

/**
 * A message as a process receives it: the sender, the topic, the payload packed and copied by
 * {@link Payloads} (null for zero values, the value for one, an unmodifiable list for several), and
 * the payload's {@link EncodedSize} in bytes (what its mailbox charges for it, with a fixed
 * per-message overhead).
 */
public record Message(Pid from, String topic, Object payload, long bytes) {
  /**
   * What a waiting message costs its mailbox beyond its payload's encoded bytes: this record (about
   * 32 bytes with compressed pointers), its slot in a channel's buffer, and the header of the
   * payload's outer object (a String's 24 bytes and its array's 16).
   */
  public static final int OVERHEAD_BYTES = 64;

  public Message {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(topic, "topic");
    if (bytes < 1) {
      throw new IllegalArgumentException("an encoded payload has at least 1 byte: " + bytes);
    }
  }
}
