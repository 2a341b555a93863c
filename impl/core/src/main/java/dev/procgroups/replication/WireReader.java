package dev.procgroups.replication;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads the codec's primitives with bounds checks; any violation is a malformed message. */
final class WireReader {
  private final byte[] buf;
  private int pos;

  WireReader(byte[] buf) {
    this.buf = buf;
  }

  /** How many bytes were read so far. */
  int position() {
    return pos;
  }

  int readByte() throws MalformedMessageException {
    if (pos >= buf.length) {
      throw new MalformedMessageException("truncated");
    }
    return buf[pos++] & 0xFF;
  }

  long readVarLong() throws MalformedMessageException {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = readByte();
      if (shift == 63 && (b & 0x7E) != 0) {
        throw new MalformedMessageException("varint overflow");
      }
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new MalformedMessageException("varint too long");
  }

  /** A non-negative number no larger than {@code max}. */
  long readBounded(long max, String what) throws MalformedMessageException {
    long v = readVarLong();
    if (v < 0 || v > max) {
      throw new MalformedMessageException(what + " out of range: " + Long.toUnsignedString(v));
    }
    return v;
  }

  /**
   * A count of elements, each at least one byte long, so a count larger than what is left is a lie
   * (and never makes us allocate for it).
   */
  int readCount(int max, String what) throws MalformedMessageException {
    return (int) readWithin(max, what + " count");
  }

  /** A number no larger than {@code max} nor than the bytes left after it. */
  private long readWithin(int max, String what) throws MalformedMessageException {
    long n = readBounded(max, what);
    if (n > remaining()) {
      throw new MalformedMessageException(
          what + " " + n + " exceeds the " + remaining() + " bytes left");
    }
    return n;
  }

  double readDouble() throws MalformedMessageException {
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits |= (long) readByte() << (8 * i);
    }
    return Double.longBitsToDouble(bits);
  }

  String readString(int maxBytes, String what) throws MalformedMessageException {
    int len = (int) readWithin(maxBytes, what + " length");
    if (isAscii(pos, len)) { // names and PIDs nearly always are: no decoder needed
      String s = new String(buf, pos, len, StandardCharsets.ISO_8859_1);
      pos += len;
      return s;
    }
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(buf, pos, len))
              .toString();
      pos += len;
      return s;
    } catch (CharacterCodingException e) {
      throw new MalformedMessageException(what + " is not UTF-8");
    }
  }

  private boolean isAscii(int from, int len) {
    for (int i = from; i < from + len; i++) {
      if (buf[i] < 0) {
        return false;
      }
    }
    return true;
  }

  int remaining() {
    return buf.length - pos;
  }

  void expectEnd() throws MalformedMessageException {
    if (remaining() != 0) {
      throw new MalformedMessageException(remaining() + " trailing bytes");
    }
  }
}
