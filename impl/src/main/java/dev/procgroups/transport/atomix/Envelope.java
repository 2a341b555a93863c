package dev.procgroups.transport.atomix;

import dev.procgroups.transport.NodeId;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What travels in one Atomix message: our own sender field (Atomix's sender address goes through
 * reverse DNS, so it is never used), the incarnation the batch is meant for (a restarted receiver
 * drops what was queued for its previous start), a batch of opaque messages in send order, and
 * whether it is the sender's farewell (it is stopping; nothing follows). Only {@code byte[]}
 * reaches Atomix: its serializer rejects records and {@code List.of}.
 */
record Envelope(NodeId from, long toIncarnation, List<byte[]> messages, boolean farewell) {

  private static final byte VERSION = 1;

  Envelope {
    Objects.requireNonNull(from, "from");
    messages = List.copyOf(messages);
  }

  byte[] encode() {
    byte[] name = from.name().getBytes(StandardCharsets.UTF_8);
    int size = 1 + 1 + 4 + name.length + 8 + 8 + 4;
    for (byte[] message : messages) {
      size += 4 + message.length;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(VERSION).put(farewell ? (byte) 1 : (byte) 0).putInt(name.length).put(name);
    out.putLong(from.incarnation()).putLong(toIncarnation).putInt(messages.size());
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
      byte farewell = in.get();
      if (farewell != 0 && farewell != 1) {
        throw new IllegalArgumentException("bad farewell flag " + farewell);
      }
      String name = new String(readBytes(in), StandardCharsets.UTF_8);
      NodeId from = new NodeId(name, in.getLong());
      long toIncarnation = in.getLong();
      int count = in.getInt();
      if (count < 0 || count > in.remaining() / 4) {
        throw new IllegalArgumentException("bad message count " + count);
      }
      List<byte[]> messages = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        messages.add(readBytes(in));
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException(in.remaining() + " trailing bytes");
      }
      return new Envelope(from, toIncarnation, messages, farewell == 1);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated envelope", e);
    }
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
