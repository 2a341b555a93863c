package dev.procgroups.registry;

import java.util.Objects;

/**
 * A registry entry id {@code namespace:name}: exactly one colon, both parts non-empty; the
 * namespace may contain dots ({@code app.billing:pg}).
 */
public record EntryId(String namespace, String name) {

  public EntryId {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    if (!validPart(namespace) || !validPart(name)) {
      throw new IllegalArgumentException("bad entry id parts: '" + namespace + "', '" + name + "'");
    }
  }

  /**
   * Parses {@code namespace:name}; throws {@link IllegalArgumentException} saying what is wrong.
   */
  public static EntryId parse(String text) {
    Objects.requireNonNull(text, "text");
    int colon = text.indexOf(':');
    if (colon < 0 || colon != text.lastIndexOf(':')) {
      throw new IllegalArgumentException(
          "entry id must have the form namespace:name with one colon, got '" + text + "'");
    }
    return new EntryId(text.substring(0, colon), text.substring(colon + 1));
  }

  /** True if {@code text} parses as an entry id. */
  public static boolean isValid(String text) {
    if (text == null) {
      return false;
    }
    int colon = text.indexOf(':');
    return colon >= 0
        && colon == text.lastIndexOf(':')
        && validPart(text.substring(0, colon))
        && validPart(text.substring(colon + 1));
  }

  private static boolean validPart(String part) {
    return !part.isEmpty();
  }

  @Override
  public String toString() {
    return namespace + ":" + name;
  }
}
