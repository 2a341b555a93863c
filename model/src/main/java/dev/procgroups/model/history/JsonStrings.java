package dev.procgroups.model.history;

/** The JSON convention that tells keywords ({@code ":name"}) from strings. */
final class JsonStrings {

  private JsonStrings() {}

  static String escapeString(String s) {
    return needsMark(s) ? "\\" + s : s;
  }

  /** Decodes a JSON string value into a keyword or a string; throws on a malformed mark. */
  static Object decode(String s) {
    if (s.startsWith(":")) {
      return Keyword.of(s.substring(1));
    }
    if (s.startsWith("\\")) {
      String rest = s.substring(1);
      if (!needsMark(rest)) {
        throw new IllegalArgumentException("a leading '\\' is only used before ':' or '\\'");
      }
      return rest;
    }
    return s;
  }

  private static boolean needsMark(String s) {
    return s.startsWith(":") || s.startsWith("\\");
  }
}
