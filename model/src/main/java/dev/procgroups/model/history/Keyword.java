package dev.procgroups.model.history;

import java.util.Objects;

/**
 * An EDN keyword such as {@code :invoke} or {@code :pg/join}, held without its leading colon. Names
 * are restricted to characters that both EDN and the Clojure reader accept in keywords.
 */
public record Keyword(String name) implements Comparable<Keyword> {

  private static final String SPECIALS = "*+!-_?<>=.$%&";

  public Keyword {
    Objects.requireNonNull(name, "name");
    String problem = problemWith(name);
    if (problem != null) {
      throw new IllegalArgumentException("invalid keyword name '" + name + "': " + problem);
    }
  }

  public static Keyword of(String name) {
    return new Keyword(name);
  }

  /** Returns why {@code name} is not a valid keyword name, or null when it is. */
  static String problemWith(String name) {
    int slash = name.indexOf('/');
    if (slash >= 0) {
      if (name.indexOf('/', slash + 1) >= 0) {
        return "more than one '/'";
      }
      String left = problemWithPart(name.substring(0, slash));
      return left != null ? left : problemWithPart(name.substring(slash + 1));
    }
    return problemWithPart(name);
  }

  private static String problemWithPart(String part) {
    if (part.isEmpty()) {
      return "empty name or namespace";
    }
    char first = part.charAt(0);
    if (!isAsciiLetter(first) && SPECIALS.indexOf(first) < 0) {
      return "must start with a letter or one of " + SPECIALS;
    }
    if ((first == '-' || first == '+' || first == '.')
        && part.length() > 1
        && isDigit(part.charAt(1))) {
      return "a leading '" + first + "' must not be followed by a digit";
    }
    for (int i = 1; i < part.length(); i++) {
      char c = part.charAt(i);
      if (!isAsciiLetter(c) && !isDigit(c) && SPECIALS.indexOf(c) < 0) {
        return "character '" + c + "' at " + i + " is not allowed";
      }
    }
    return null;
  }

  static boolean isNameChar(char c) {
    return isAsciiLetter(c) || isDigit(c) || SPECIALS.indexOf(c) >= 0 || c == '/';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  @Override
  public int compareTo(Keyword other) {
    return name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return ":" + name;
  }
}
