package dev.procgroups.props.hostile;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One way of damaging an encoded message. {@code where} and {@code bits} are raw random numbers;
 * {@link #apply} folds them into the message so that every mutation fits every message.
 */
record WireMutation(Kind kind, int where, long bits, byte[] extra) {

  enum Kind {
    NONE,
    FLIP_BITS,
    TRUNCATE,
    EXTEND,
    HUGE_VARINT,
    OVERWRITE_EXTREME,
    RANDOM_BODY,
    RANDOM_BYTES
  }

  /** A varint of all ones: as a count or length it is far beyond any bound. */
  private static final byte[] HUGE = {
    (byte) 0xFF,
    (byte) 0xFF,
    (byte) 0xFF,
    (byte) 0xFF,
    (byte) 0xFF,
    (byte) 0xFF,
    (byte) 0xFF,
    (byte) 0xFF,
    (byte) 0xFF,
    0x01
  };

  private static final byte[] EXTREMES = {(byte) 0xFF, (byte) 0x80, 0x00, 0x7F};

  byte[] apply(byte[] valid) {
    int at = valid.length == 0 ? 0 : Math.floorMod(where, valid.length);
    switch (kind) {
      case NONE:
        return valid;
      case FLIP_BITS:
        {
          byte[] out = valid.clone();
          for (int i = 0; i < 1 + Math.floorMod(bits, 4); i++) {
            int bit = Math.floorMod(where + 31 * i * (int) (bits >>> 8), out.length * 8);
            out[bit / 8] ^= (byte) (1 << (bit % 8));
          }
          return out;
        }
      case TRUNCATE:
        return Arrays.copyOf(valid, at);
      case EXTEND:
        {
          byte[] out = Arrays.copyOf(valid, valid.length + extra.length);
          System.arraycopy(extra, 0, out, valid.length, extra.length);
          return out;
        }
      case HUGE_VARINT:
        {
          // Splices the huge varint in place of one byte: a count, a length or a number goes wild.
          int cut = Math.max(2, at);
          byte[] out = new byte[valid.length + HUGE.length];
          System.arraycopy(valid, 0, out, 0, Math.min(cut, valid.length));
          System.arraycopy(HUGE, 0, out, Math.min(cut, valid.length), HUGE.length);
          if (cut < valid.length) {
            int keep = valid.length - cut - 1;
            System.arraycopy(valid, cut + 1, out, cut + HUGE.length, keep);
            return Arrays.copyOf(out, cut + HUGE.length + keep);
          }
          return out;
        }
      case OVERWRITE_EXTREME:
        {
          byte[] out = valid.clone();
          out[at] = EXTREMES[(int) Math.floorMod(bits, EXTREMES.length)];
          return out;
        }
      case RANDOM_BODY:
        {
          // A plausible header (version 1, a known type) and garbage after it.
          byte[] out = new byte[2 + extra.length];
          out[0] = 1;
          out[1] = (byte) (1 + Math.floorMod(bits, 5));
          System.arraycopy(extra, 0, out, 2, extra.length);
          return out;
        }
      case RANDOM_BYTES:
        return extra.clone();
      default:
        throw new AssertionError(kind);
    }
  }

  @Override
  public String toString() {
    return kind
        + "(where="
        + where
        + ", bits="
        + bits
        + ", extra="
        + HexFormat.of().formatHex(extra)
        + ")";
  }
}
