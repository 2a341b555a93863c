package dev.procgroups.pg;

import dev.procgroups.process.EncodedSize;

/**
 * The bound on one message's payload (docs/DECISIONS.md): at most {@link #MAX_BYTES} in the wire
 * encoding ({@link EncodedSize}). A larger one is refused before it is delivered anywhere, so no
 * process can make a node copy, queue or send megabytes per call. The walk stops as soon as the
 * bound is passed.
 */
public final class PayloadSize {
  public static final int MAX_BYTES = 1 << 20;

  /** What a payload over the bound is told, after the argument's name. */
  public static final String TOO_LARGE =
      "larger than " + MAX_BYTES + " bytes encoded (" + (MAX_BYTES >> 20) + " MiB)";

  private PayloadSize() {}

  /** Throws {@link IllegalArgumentException} naming {@code payload} if {@code value} is too big. */
  public static void check(Object value) {
    checkBytes(EncodedSize.of(value, MAX_BYTES));
  }

  /** Like {@link #check(Object)} for a payload whose encoded size is known already. */
  public static void checkBytes(long bytes) {
    if (bytes > MAX_BYTES) {
      throw new IllegalArgumentException("payload: " + TOO_LARGE);
    }
  }
}
