package dev.procgroups.process;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process identifier, written {@code {node@host|id}} (for example {@code {n1@app:processes|0001a3}}).
 * The id is lowercase hex of at least six digits; a node's counter for incarnation {@code k} starts at
 * {@code k << 24}, so a PID is never reused under one node name (docs/DECISIONS.md).
 */
public record Pid(String node, String host, long id) {

  private static final Pattern FORMAT = Pattern.compile("\\{([^@{}|]+)@([^{}|]+)\\|([0-9a-f]{6,16})}");

  public Pid {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(host, "host");
    if (node.isEmpty() || host.isEmpty() || id < 0) {
      throw new IllegalArgumentException("bad pid parts: " + node + ", " + host + ", " + id);
    }
  }

  /** Parses the string form; throws {@link IllegalArgumentException} if it is not one. */
  public static Pid parse(String text) {
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a pid: " + text);
    }
    return new Pid(m.group(1), m.group(2), Long.parseUnsignedLong(m.group(3), 16));
  }

  /** True if {@code text} is a well-formed PID string. */
  public static boolean isPid(String text) {
    return text != null && FORMAT.matcher(text).matches();
  }

  @Override
  public String toString() {
    return "{" + node + "@" + host + "|" + String.format(Locale.ROOT, "%06x", id) + "}";
  }
}
