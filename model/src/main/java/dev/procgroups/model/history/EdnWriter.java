package dev.procgroups.model.history;

/**
 * Writes {@link Values} as EDN that the Clojure reader (and so Jepsen and Knossos) reads back
 * unchanged.
 */
public final class EdnWriter {

  static final ValueWriter FORMAT =
      new ValueWriter(" ", ", ", " ") {
        @Override
        void writeScalar(Object value, StringBuilder out) {
          if (value == null) {
            out.append("nil");
          } else if (value instanceof String s) {
            TextCursor.writeQuoted(s, out);
          } else if (value instanceof Double d) {
            writeDouble(d, out);
          } else {
            out.append(value); // Long, Boolean and Keyword print as EDN
          }
        }

        @Override
        void writeKey(Keyword key, StringBuilder out) {
          out.append(key);
        }
      };

  private EdnWriter() {}

  public static String write(Object value) {
    return FORMAT.write(value);
  }

  public static void write(Object value, StringBuilder out) {
    FORMAT.write(value, out);
  }

  private static void writeDouble(double d, StringBuilder out) {
    if (Double.isNaN(d)) {
      out.append("##NaN");
    } else if (Double.isInfinite(d)) {
      out.append(d > 0 ? "##Inf" : "##-Inf");
    } else {
      out.append(d); // Double.toString always has '.' or 'E', so Clojure reads a double
    }
  }
}
