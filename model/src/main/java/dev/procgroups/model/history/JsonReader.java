package dev.procgroups.model.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON (RFC 8259) reader producing {@link Values}, the inverse of {@link JsonWriter}:
 * object keys become keywords, {@code ":name"} strings become keywords, numbers with a fraction or
 * exponent become doubles and others longs. Duplicate keys, trailing commas, comments and
 * out-of-range integers are errors with their line and column.
 */
public final class JsonReader {

  private static final int MAX_DEPTH = 512;

  private final TextCursor in;

  private JsonReader(CharSequence text) {
    this.in = new TextCursor(text);
  }

  public static Object read(CharSequence text) {
    JsonReader reader = new JsonReader(text);
    reader.skipWhitespace();
    Object value = reader.readValue(0);
    reader.skipWhitespace();
    if (!reader.in.atEnd()) {
      throw reader.in.error("expected end of input but found " + reader.in.describeCurrent());
    }
    return value;
  }

  private void skipWhitespace() {
    while (in.peek() == ' ' || in.peek() == '\t' || in.peek() == '\n' || in.peek() == '\r') {
      in.next();
    }
  }

  private Object readValue(int depth) {
    if (depth > MAX_DEPTH) {
      throw in.error("nesting deeper than " + MAX_DEPTH);
    }
    int c = in.peek();
    if (c == '"') {
      return decodeString(in.position(), in.readQuoted(true, false));
    }
    if (c == '{') {
      return readObject(depth);
    }
    if (c == '[') {
      return readArray(depth);
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      return readNumber();
    }
    if (c == 't' || c == 'f' || c == 'n') {
      return readLiteral();
    }
    throw in.error("expected a value but found " + in.describeCurrent());
  }

  private Object decodeString(int start, String raw) {
    try {
      return JsonStrings.decode(raw);
    } catch (IllegalArgumentException e) {
      throw in.errorAt(start, e.getMessage());
    }
  }

  private Map<Keyword, Object> readObject(int depth) {
    in.expect('{');
    Map<Keyword, Object> map = new LinkedHashMap<>();
    skipWhitespace();
    if (in.peek() == '}') {
      in.next();
      return Collections.unmodifiableMap(map);
    }
    while (true) {
      skipWhitespace();
      int keyAt = in.position();
      if (in.peek() != '"') {
        throw in.error("expected a string key but found " + in.describeCurrent());
      }
      String name = in.readQuoted(true, false);
      String problem = Keyword.problemWith(name);
      if (problem != null) {
        throw in.errorAt(keyAt, "key \"" + name + "\" is not a keyword name: " + problem);
      }
      skipWhitespace();
      in.expect(':');
      skipWhitespace();
      Keyword key = new Keyword(name);
      if (map.put(key, readValue(depth + 1)) != null) {
        throw in.errorAt(keyAt, "duplicate key \"" + name + "\"");
      }
      skipWhitespace();
      if (in.peek() == ',') {
        in.next();
      } else {
        in.expect('}');
        return Collections.unmodifiableMap(map);
      }
    }
  }

  private List<Object> readArray(int depth) {
    in.expect('[');
    List<Object> items = new ArrayList<>();
    skipWhitespace();
    if (in.peek() == ']') {
      in.next();
      return Collections.unmodifiableList(items);
    }
    while (true) {
      skipWhitespace();
      items.add(readValue(depth + 1));
      skipWhitespace();
      if (in.peek() == ',') {
        in.next();
      } else {
        in.expect(']');
        return Collections.unmodifiableList(items);
      }
    }
  }

  private Object readNumber() {
    int start = in.position();
    if (in.peek() == '-') {
      in.next();
    }
    if (in.peek() == '0') {
      in.next();
    } else {
      digits();
    }
    boolean floating = false;
    if (in.peek() == '.') {
      in.next();
      digits();
      floating = true;
    }
    if (in.peek() == 'e' || in.peek() == 'E') {
      in.next();
      if (in.peek() == '+' || in.peek() == '-') {
        in.next();
      }
      digits();
      floating = true;
    }
    String token = in.slice(start, in.position());
    if (floating) {
      return Double.parseDouble(token);
    }
    try {
      return Long.parseLong(token);
    } catch (NumberFormatException e) {
      throw in.errorAt(start, "integer " + token + " does not fit in 64 bits");
    }
  }

  private void digits() {
    if (!(in.peek() >= '0' && in.peek() <= '9')) {
      throw in.error("expected a digit but found " + in.describeCurrent());
    }
    while (in.peek() >= '0' && in.peek() <= '9') {
      in.next();
    }
  }

  private Object readLiteral() {
    int start = in.position();
    for (String literal : new String[] {"true", "false", "null"}) {
      if (matches(literal)) {
        return literal.equals("null") ? null : Boolean.valueOf(literal);
      }
    }
    throw in.errorAt(start, "unknown literal");
  }

  private boolean matches(String literal) {
    for (int i = 0; i < literal.length(); i++) {
      if (in.peek(i) != literal.charAt(i)) {
        return false;
      }
    }
    int after = in.peek(literal.length());
    if (Character.isLetterOrDigit(after)) {
      return false;
    }
    for (int i = 0; i < literal.length(); i++) {
      in.next();
    }
    return true;
  }
}
