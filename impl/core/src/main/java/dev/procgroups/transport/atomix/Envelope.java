package dev.procgroups.transport.atomix;

import dev.procgroups.transport.NodeId;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What travels in one Atomix message (before the authentication tag): our own sender field
 * (Atomix's sender address goes through reverse DNS, so it is never used), the receiver (a
 * restarted receiver drops what was queued for its previous start; naming it stops a message for
 * one node from being replayed to another; incarnation 0 greets a node not heard yet), the sender's
 * sequence number (increasing per start, against replays), the kind, the addresses the sender
 * vouches for (its own first, then, on messages without a batch, the peers it knows, so that a node
 * seeded with one member finds the others), and a batch of opaque messages in send order. Only
 * {@code byte[]} reaches Atomix: its serializer rejects records and {@code List.of}.
 */
record Envelope(
    NodeId from,
    NodeId to,
    long sequence,
    Kind kind,
    List<SeedMember> addresses,
    List<byte[]> messages) {

  private static final byte VERSION = 3;

  /** Incarnation of a receiver not heard yet: any start of that name may open the envelope. */
  static final long ANY_START = 0;

  /** Why the envelope was sent, besides the messages it carries. */
  enum Kind {
    /** Only the messages. */
    DATA,
    /** The sender has not heard from the receiver yet: please answer (an empty DATA will do). */
    HELLO,
    /** The sender is stopping; nothing follows. */
    FAREWELL
  }

  Envelope {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(kind, "kind");
    addresses = List.copyOf(addresses);
    messages = List.copyOf(messages);
  }

  /** An envelope vouching for no address (tests). */
  Envelope(NodeId from, NodeId to, long sequence, Kind kind, List<byte[]> messages) {
    this(from, to, sequence, kind, List.of(), messages);
  }

  byte[] encode() {
    byte[] name = from.name().getBytes(StandardCharsets.UTF_8);
    byte[] toName = to.name().getBytes(StandardCharsets.UTF_8);
    List<byte[]> addressBytes = addresses.stream().map(Envelope::encodeAddress).toList();
    int size = 1 + 1 + 4 + name.length + 8 + 4 + toName.length + 8 + 8 + 4 + 4;
    for (byte[] address : addressBytes) {
      size += 4 + address.length;
    }
    for (byte[] message : messages) {
      size += 4 + message.length;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(VERSION).put((byte) kind.ordinal()).putInt(name.length).put(name);
    out.putLong(from.incarnation()).putInt(toName.length).put(toName).putLong(to.incarnation());
    out.putLong(sequence).putInt(addressBytes.size());
    for (byte[] address : addressBytes) {
      out.putInt(address.length).put(address);
    }
    out.putInt(messages.size());
    for (byte[] message : messages) {
      out.putInt(message.length).put(message);
    }
    return out.array();
  }

  /** Decodes an envelope; anything malformed is an {@link IllegalArgumentException}. */
  static Envelope decode(byte[] bytes) {
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      byte version = in.get();
      if (version != VERSION) {
        throw new IllegalArgumentException("unknown envelope version " + version);
      }
      byte kind = in.get();
      if (kind < 0 || kind >= Kind.values().length) {
        throw new IllegalArgumentException("bad envelope kind " + kind);
      }
      NodeId from = readNode(in);
      NodeId to = readNode(in);
      long sequence = in.getLong();
      List<SeedMember> addresses = new ArrayList<>();
      int addressCount = readCount(in);
      for (int i = 0; i < addressCount; i++) {
        addresses.add(decodeAddress(readBytes(in)));
      }
      int count = readCount(in);
      List<byte[]> messages = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        messages.add(readBytes(in));
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException(in.remaining() + " trailing bytes");
      }
      return new Envelope(from, to, sequence, Kind.values()[kind], addresses, messages);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated envelope", e);
    }
  }

  /** {@code name@host:port}, UTF-8: short, and parsed by the one parser of that form. */
  private static byte[] encodeAddress(SeedMember address) {
    return address.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static SeedMember decodeAddress(byte[] bytes) {
    return SeedMember.parse(new String(bytes, StandardCharsets.UTF_8));
  }

  private static int readCount(ByteBuffer in) {
    int count = in.getInt();
    if (count < 0 || count > in.remaining() / 4) {
      throw new IllegalArgumentException("bad count " + count);
    }
    return count;
  }

  private static NodeId readNode(ByteBuffer in) {
    String name = new String(readBytes(in), StandardCharsets.UTF_8);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty node name");
    }
    return new NodeId(name, in.getLong());
  }

  private static byte[] readBytes(ByteBuffer in) {
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw new IllegalArgumentException("bad length " + length);
    }
    byte[] bytes = new byte[length];
    in.get(bytes);
    return bytes;
  }
}
