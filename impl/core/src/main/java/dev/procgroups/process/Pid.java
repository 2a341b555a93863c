package dev.procgroups.process;

import java.util.Objects;

/**
 * A process identifier, written {@code {node@host|id}} (for example {@code
 * {n1@app:processes|0001a3}}). The id is lowercase hex of at least six digits; a node's counter for
 * incarnation {@code k} starts at {@code k << 24}, so a PID is never reused under one node name
 * (docs/DECISIONS.md).
 */
public record Pid(String node, String host, long id) {

  /** The fewest hex digits of an id in the string form (zero-padded). */
  public static final int MIN_HEX_DIGITS = 6;

  private static final int MAX_HEX = 16;

  /**
   * Node and host names parsed lately, so that the PIDs of one node share their name strings (a
   * replica holds one PID per remote slot). Unsynchronized: a slot holds an immutable string or
   * null, and a lost race only costs a copy.
   */
  private static final String[] RECENT_NAMES = new String[64];

  public Pid {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(host, "host");
    if (node.isEmpty() || host.isEmpty() || id < 0) {
      throw new IllegalArgumentException("bad pid parts: " + node + ", " + host + ", " + id);
    }
  }

  /** Parses the string form; throws {@link IllegalArgumentException} if it is not one. */
  public static Pid parse(String text) {
    int at = atIndex(text);
    if (at < 0) {
      throw new IllegalArgumentException("not a pid: " + text);
    }
    int bar = text.indexOf('|', at);
    return new Pid(
        name(text, 1, at),
        name(text, at + 1, bar),
        Long.parseUnsignedLong(text, bar + 1, text.length() - 1, 16));
  }

  /**
   * {@code text[from, to)}, as the string a recent parse made for the same name if there is one.
   */
  private static String name(String text, int from, int to) {
    int len = to - from;
    int h = len;
    for (int i = from; i < to; i++) {
      h = 31 * h + text.charAt(i);
    }
    int slot = (h ^ (h >>> 16)) & (RECENT_NAMES.length - 1);
    String recent = RECENT_NAMES[slot];
    if (recent != null && recent.length() == len && text.regionMatches(from, recent, 0, len)) {
      return recent;
    }
    String made = text.substring(from, to);
    RECENT_NAMES[slot] = made;
    return made;
  }

  /** True if {@code text} is a well-formed PID string. */
  public static boolean isPid(String text) {
    return text != null && atIndex(text) >= 0;
  }

  /**
   * The index of the '@' ending the node name if {@code text} is well formed, else -1. The language
   * is that of the regex {@code \{([^@{}|]+)@([^{}|]+)\|([0-9a-f]{6,15}|[0-7][0-9a-f]{15})\}} (ids
   * fit a non-negative long), scanned by hand because decoding PIDs is on the replication hot path
   * (bench/results/cluster.md).
   */
  private static int atIndex(String text) {
    int end = text.length() - 1;
    if (end < 0 || text.charAt(0) != '{' || text.charAt(end) != '}') {
      return -1;
    }
    int at = 1;
    while (at < end && isNameChar(text.charAt(at)) && text.charAt(at) != '@') {
      at++;
    }
    if (at == 1 || at == end || text.charAt(at) != '@') {
      return -1;
    }
    int bar = at + 1;
    while (bar < end && isNameChar(text.charAt(bar))) {
      bar++;
    }
    if (bar == at + 1 || bar == end || text.charAt(bar) != '|') {
      return -1;
    }
    int digits = end - bar - 1;
    if (digits < MIN_HEX_DIGITS
        || digits > MAX_HEX
        || digits == MAX_HEX && text.charAt(bar + 1) > '7') {
      return -1;
    }
    for (int i = bar + 1; i < end; i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return -1;
      }
    }
    return at;
  }

  /** Node and host names exclude the PID's delimiters (a host may contain '@'). */
  private static boolean isNameChar(char c) {
    return c != '{' && c != '}' && c != '|';
  }

  @Override
  public String toString() {
    String hex = Long.toHexString(id);
    StringBuilder sb =
        new StringBuilder(node.length() + host.length() + MAX_HEX + 4)
            .append('{')
            .append(node)
            .append('@')
            .append(host)
            .append('|');
    for (int pad = hex.length(); pad < MIN_HEX_DIGITS; pad++) {
      sb.append('0');
    }
    return sb.append(hex).append('}').toString();
  }
}
