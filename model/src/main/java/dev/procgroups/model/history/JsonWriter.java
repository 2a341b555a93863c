package dev.procgroups.model.history;

/**
 * Writes {@link Values} as JSON, losslessly: map keys are the keyword names; a keyword value is the
 * string {@code ":name"}; a string that starts with {@code :} or {@code \} gets one extra leading
 * {@code \} so it cannot be mistaken for a keyword. Doubles always carry a '.' or an exponent,
 * longs never do. NaN and infinities have no JSON form and are rejected.
 */
public final class JsonWriter {

  static final ValueWriter FORMAT =
      new ValueWriter(",", ",", ":") {
        @Override
        void writeScalar(Object value, StringBuilder out) {
          if (value == null) {
            out.append("null");
          } else if (value instanceof String s) {
            TextCursor.writeQuoted(JsonStrings.escapeString(s), out);
          } else if (value instanceof Keyword k) {
            TextCursor.writeQuoted(k.toString(), out);
          } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            throw new IllegalArgumentException("JSON cannot represent " + d);
          } else {
            out.append(value); // Long, Boolean and finite Double print as JSON
          }
        }

        @Override
        void writeKey(Keyword key, StringBuilder out) {
          TextCursor.writeQuoted(key.name(), out);
        }
      };

  private JsonWriter() {}

  public static String write(Object value) {
    return FORMAT.write(value);
  }

  public static void write(Object value, StringBuilder out) {
    FORMAT.write(value, out);
  }
}
