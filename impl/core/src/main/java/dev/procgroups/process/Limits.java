package dev.procgroups.process;

/**
 * The limits on what one call may name or carry (docs/DECISIONS.md, "Arguments"), each defined here
 * once: every check, on the API, in Lua and on the wire, refers to these constants.
 */
public final class Limits {

  /** A group name, topic or scope id: at most this many bytes of UTF-8. */
  public static final int MAX_NAME_BYTES = 1024;

  /** A message payload: at most this many bytes in the wire encoding ({@link EncodedSize}). */
  public static final int MAX_PAYLOAD_BYTES = 1 << 20;

  /** A payload value: lists and maps nested at most this deep. */
  public static final int MAX_PAYLOAD_DEPTH = 32;

  private Limits() {}
}
