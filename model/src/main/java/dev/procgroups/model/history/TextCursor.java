package dev.procgroups.model.history;

/** A read position in text, with the pieces the EDN and JSON readers share. */
final class TextCursor {

  private final CharSequence text;
  private int pos;

  TextCursor(CharSequence text) {
    this.text = text;
  }

  boolean atEnd() {
    return pos >= text.length();
  }

  /** The current character, or -1 at the end. */
  int peek() {
    return pos < text.length() ? text.charAt(pos) : -1;
  }

  int peek(int ahead) {
    return pos + ahead < text.length() ? text.charAt(pos + ahead) : -1;
  }

  char next() {
    if (atEnd()) {
      throw error("unexpected end of input");
    }
    return text.charAt(pos++);
  }

  void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "' but found " + describeCurrent());
    }
    pos++;
  }

  int position() {
    return pos;
  }

  void reset(int position) {
    pos = position;
  }

  String slice(int from, int to) {
    return text.subSequence(from, to).toString();
  }

  String describeCurrent() {
    return atEnd() ? "end of input" : "'" + text.charAt(pos) + "'";
  }

  FormatException error(String message) {
    return errorAt(pos, message);
  }

  /** Line and column are only computed when something is wrong. */
  FormatException errorAt(int position, String message) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < position && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new FormatException(message, line, column);
  }

  /**
   * Reads a double-quoted string starting at the opening quote, with the escapes both formats know
   * ({@code \" \\ \n \t \r \b \f \\uXXXX}); {@code allowSlash} adds JSON's {@code \/}; {@code
   * allowRawControl} lets raw control characters through (EDN) instead of failing (JSON).
   */
  String readQuoted(boolean allowSlash, boolean allowRawControl) {
    int start = pos;
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      if (atEnd()) {
        throw errorAt(start, "unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\') {
        out.append(readEscape(allowSlash));
      } else if (c < 0x20 && !allowRawControl) {
        throw errorAt(pos - 1, "raw control character U+" + hex4(c) + " in string");
      } else {
        out.append(c);
      }
    }
  }

  private char readEscape(boolean allowSlash) {
    if (atEnd()) {
      throw error("unterminated escape");
    }
    char e = text.charAt(pos++);
    switch (e) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'u':
        return readHex4();
      case '/':
        if (allowSlash) {
          return '/';
        }
        break;
      default:
        break;
    }
    throw errorAt(pos - 2, "unknown escape '\\" + e + "'");
  }

  private char readHex4() {
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(peek(), 16);
      if (digit < 0) {
        throw error("expected 4 hex digits after \\u");
      }
      pos++;
      value = value * 16 + digit;
    }
    return (char) value;
  }

  static String hex4(char c) {
    return String.format("%04X", (int) c);
  }

  /**
   * Appends {@code s} quoted, escaping what both formats require; other control characters and
   * unpaired surrogates become {@code \\uXXXX} so the output is plain valid UTF-8.
   */
  static void writeQuoted(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7f || isUnpairedSurrogate(s, i)) {
            out.append("\\u").append(hex4(c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean isUnpairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }
}
