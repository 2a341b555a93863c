package dev.procgroups.daemon.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** An {@code Authorization: Bearer} token, compared in constant time. */
final class BearerToken {

  /** Shorter tokens are guessable. */
  static final int MIN_CHARS = 16;

  private final byte[] header;

  BearerToken(String token, String what) {
    if (token == null || token.length() < MIN_CHARS) {
      throw new IllegalArgumentException(
          "the " + what + " token must have at least " + MIN_CHARS + " characters");
    }
    this.header = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  boolean admits(String authorization) {
    return authorization != null
        && MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8), header);
  }
}
