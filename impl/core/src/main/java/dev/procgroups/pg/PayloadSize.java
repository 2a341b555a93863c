package dev.procgroups.pg;

import dev.procgroups.process.EncodedSize;
import dev.procgroups.process.Limits;

/**
 * The bound on one message's payload (docs/DECISIONS.md): at most {@link Limits#MAX_PAYLOAD_BYTES}
 * in the wire encoding ({@link EncodedSize}). A larger one is refused before it is delivered
 * anywhere, so no process can make a node copy, queue or send megabytes per call. The walk stops as
 * soon as the bound is passed.
 */
public final class PayloadSize {
  /** What a payload over the bound is told, after the argument's name. */
  public static final String TOO_LARGE =
      "larger than "
          + Limits.MAX_PAYLOAD_BYTES
          + " bytes encoded ("
          + (Limits.MAX_PAYLOAD_BYTES >> 20)
          + " MiB)";

  private PayloadSize() {}

  /** Throws {@link IllegalArgumentException} naming {@code payload} if {@code value} is too big. */
  public static void check(Object value) {
    checkBytes(EncodedSize.of(value, Limits.MAX_PAYLOAD_BYTES));
  }

  /** Like {@link #check(Object)} for a payload whose encoded size is known already. */
  public static void checkBytes(long bytes) {
    if (bytes > Limits.MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException("payload: " + TOO_LARGE);
    }
  }
}
