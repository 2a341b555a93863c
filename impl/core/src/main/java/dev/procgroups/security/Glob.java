package dev.procgroups.security;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A shell-style pattern: {@code *} matches any run of characters (dots and colons included), {@code
 * ?} exactly one; everything else matches itself.
 */
public final class Glob {

  private final String text;
  private final Pattern pattern;

  private Glob(String text) {
    this.text = text;
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '*' || c == '?') {
        regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
        literal.setLength(0);
      } else {
        literal.append(c);
      }
    }
    regex.append(Pattern.quote(literal.toString()));
    this.pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  public static Glob of(String text) {
    return new Glob(Objects.requireNonNull(text, "glob"));
  }

  public boolean matches(String value) {
    return pattern.matcher(value).matches();
  }

  @Override
  public String toString() {
    return text;
  }
}
