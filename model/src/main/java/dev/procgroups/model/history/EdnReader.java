package dev.procgroups.model.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A strict reader for the EDN subset that {@link Values} covers: nil, booleans, strings, 64-bit
 * integers, doubles (with {@code ##NaN}, {@code ##Inf}, {@code ##-Inf}), keywords, vectors, lists
 * (read as vectors) and maps with keyword keys. Commas, {@code ;} comments and {@code #_} discards
 * are skipped. Anything else (sets, symbols, characters, tagged literals, big or ratio numbers,
 * duplicate map keys) is rejected with its line and column.
 */
public final class EdnReader {

  private static final int MAX_DEPTH = 512;
  private static final Pattern INTEGER = Pattern.compile("[+-]?(0|[1-9][0-9]*)");
  private static final Pattern FLOAT =
      Pattern.compile("[+-]?(0|[1-9][0-9]*)(\\.[0-9]*)?([eE][+-]?[0-9]+)?");

  private final TextCursor in;

  public EdnReader(CharSequence text) {
    this.in = new TextCursor(text);
  }

  /** Reads exactly one form; anything but whitespace after it is an error. */
  public static Object readOne(CharSequence text) {
    EdnReader reader = new EdnReader(text);
    if (!reader.hasNext()) {
      throw reader.in.error("expected a form but found end of input");
    }
    Object form = reader.next();
    if (reader.hasNext()) {
      throw reader.in.error("expected end of input after the first form");
    }
    return form;
  }

  /** Reads every top-level form. */
  public static List<Object> readAll(CharSequence text) {
    EdnReader reader = new EdnReader(text);
    List<Object> forms = new ArrayList<>();
    while (reader.hasNext()) {
      forms.add(reader.next());
    }
    return forms;
  }

  /** Skips whitespace, comments and discarded forms; true when another form follows. */
  public boolean hasNext() {
    skipIgnored(0);
    return !in.atEnd();
  }

  public Object next() {
    if (!hasNext()) {
      throw in.error("expected a form but found end of input");
    }
    return readForm(0);
  }

  /** The offset of the next character to read, for callers that remember where a form began. */
  public int position() {
    return in.position();
  }

  boolean startsWith(char c) {
    return in.peek() == c;
  }

  void consume(char c) {
    in.expect(c);
  }

  FormatException errorAt(int position, String message) {
    return in.errorAt(position, message);
  }

  private void skipIgnored(int depth) {
    while (!in.atEnd()) {
      int c = in.peek();
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '\f') {
        in.next();
      } else if (c == ';') {
        while (!in.atEnd() && in.peek() != '\n') {
          in.next();
        }
      } else if (c == '#' && in.peek(1) == '_') {
        in.next();
        in.next();
        skipIgnored(depth);
        if (in.atEnd()) {
          throw in.error("#_ needs a form to discard");
        }
        readForm(depth + 1);
      } else {
        return;
      }
    }
  }

  private Object readForm(int depth) {
    if (depth > MAX_DEPTH) {
      throw in.error("nesting deeper than " + MAX_DEPTH);
    }
    int c = in.peek();
    switch (c) {
      case '"':
        return in.readQuoted(false, true);
      case ':':
        return readKeyword();
      case '[':
        return readSequence(']', depth);
      case '(':
        return readSequence(')', depth);
      case '{':
        return readMap(depth);
      case '#':
        return readDispatch();
      case '\\':
        throw in.error("characters are not supported");
      case ']':
      case ')':
      case '}':
        throw in.error("unmatched '" + (char) c + "'");
      default:
        break;
    }
    if (isDigit(c) || ((c == '+' || c == '-') && isDigit(in.peek(1)))) {
      return readNumber();
    }
    return readSymbol();
  }

  private Keyword readKeyword() {
    int start = in.position();
    in.expect(':');
    String name = readToken();
    String problem = Keyword.problemWith(name);
    if (problem != null) {
      throw in.errorAt(start, "invalid keyword ':" + name + "': " + problem);
    }
    return new Keyword(name);
  }

  private List<Object> readSequence(char close, int depth) {
    int start = in.position();
    in.next();
    List<Object> items = new ArrayList<>();
    while (true) {
      skipIgnored(depth);
      if (in.atEnd()) {
        throw in.errorAt(start, "unclosed '" + (close == ']' ? '[' : '(') + "'");
      }
      if (in.peek() == close) {
        in.next();
        return Collections.unmodifiableList(items);
      }
      items.add(readForm(depth + 1));
    }
  }

  private Map<Keyword, Object> readMap(int depth) {
    int start = in.position();
    in.next();
    Map<Keyword, Object> map = new LinkedHashMap<>();
    while (true) {
      skipIgnored(depth);
      if (in.atEnd()) {
        throw in.errorAt(start, "unclosed '{'");
      }
      if (in.peek() == '}') {
        in.next();
        return Collections.unmodifiableMap(map);
      }
      int keyAt = in.position();
      Object key = readForm(depth + 1);
      if (!(key instanceof Keyword keyword)) {
        throw in.errorAt(keyAt, "map keys must be keywords, found " + EdnWriter.write(key));
      }
      skipIgnored(depth);
      if (in.atEnd() || in.peek() == '}') {
        throw in.errorAt(keyAt, "map key " + keyword + " has no value");
      }
      Object value = readForm(depth + 1);
      if (map.put(keyword, value) != null) {
        throw in.errorAt(keyAt, "duplicate map key " + keyword);
      }
    }
  }

  private Object readDispatch() {
    int start = in.position();
    in.expect('#');
    if (in.peek() == '#') {
      in.next();
      String name = readToken();
      switch (name) {
        case "NaN":
          return Double.NaN;
        case "Inf":
          return Double.POSITIVE_INFINITY;
        case "-Inf":
          return Double.NEGATIVE_INFINITY;
        default:
          throw in.errorAt(start, "unknown symbolic value ##" + name);
      }
    }
    if (in.peek() == '{') {
      throw in.errorAt(start, "sets are not supported");
    }
    throw in.errorAt(start, "tagged literals and '#' dispatch forms are not supported");
  }

  private Object readNumber() {
    int start = in.position();
    String token = readToken();
    if (INTEGER.matcher(token).matches()) {
      try {
        return Long.parseLong(token.startsWith("+") ? token.substring(1) : token);
      } catch (NumberFormatException e) {
        throw in.errorAt(start, "integer " + token + " does not fit in 64 bits");
      }
    }
    if (FLOAT.matcher(token).matches()) {
      return Double.parseDouble(token);
    }
    throw in.errorAt(start, "unsupported number '" + token + "' (only decimal longs and doubles)");
  }

  private Object readSymbol() {
    int start = in.position();
    String token = readToken();
    switch (token) {
      case "nil":
        return null;
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      case "":
        throw in.error("unexpected " + in.describeCurrent());
      default:
        throw in.errorAt(start, "symbols are not supported: '" + token + "'");
    }
  }

  /** Reads up to the next delimiter; a character that can be in no token is an error. */
  private String readToken() {
    int start = in.position();
    while (!in.atEnd() && !isDelimiter(in.peek())) {
      char c = (char) in.peek();
      if (!Keyword.isNameChar(c) && c != ':' && c != '#' && c != '\'') {
        throw in.error("unexpected character '" + c + "'");
      }
      in.next();
    }
    return in.slice(start, in.position());
  }

  private static boolean isDelimiter(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ',' || c == ';'
        || c == '"' || c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}';
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
