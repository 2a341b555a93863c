package dev.procgroups.model.history;

import java.util.List;
import java.util.Map;

/**
 * The walk over {@link Values} that EDN and JSON share; a format supplies scalars, keys and
 * separators.
 */
abstract class ValueWriter {

  private final String itemSeparator;
  private final String entrySeparator;
  private final String keySeparator;

  ValueWriter(String itemSeparator, String entrySeparator, String keySeparator) {
    this.itemSeparator = itemSeparator;
    this.entrySeparator = entrySeparator;
    this.keySeparator = keySeparator;
  }

  /** Writes a non-collection value: null, String, Long, Double, Boolean or Keyword. */
  abstract void writeScalar(Object value, StringBuilder out);

  abstract void writeKey(Keyword key, StringBuilder out);

  final String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  final void write(Object value, StringBuilder out) {
    if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : itemSeparator);
        write(list.get(i), out);
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(first ? "" : entrySeparator);
        first = false;
        writeKey((Keyword) e.getKey(), out);
        out.append(keySeparator);
        write(e.getValue(), out);
      }
      out.append('}');
    } else if (value == null
        || value instanceof String
        || value instanceof Long
        || value instanceof Double
        || value instanceof Boolean
        || value instanceof Keyword) {
      writeScalar(value, out);
    } else {
      write(Values.canonical(value), out);
    }
  }

  /** Writes every operation of {@code history} as a map, between {@code open} and {@code close}. */
  final String writeHistory(
      History history, String open, String first, String separator, String close) {
    StringBuilder out = new StringBuilder(open);
    for (int i = 0; i < history.size(); i++) {
      out.append(i == 0 ? first : separator);
      write(OperationMaps.toMap(history.get(i)), out);
    }
    return out.append(close).toString();
  }
}
