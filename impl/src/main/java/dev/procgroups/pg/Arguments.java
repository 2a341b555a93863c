package dev.procgroups.pg;

import java.util.ArrayList;
import java.util.List;

/** Validation of the name arguments of pg calls: every failure is INVALID naming the argument. */
final class Arguments {

  static final int MAX_NAME_BYTES = 1024;

  private Arguments() {}

  /** A single group name or topic. */
  static String name(Object value, String argument) throws PgException {
    if (value == null) {
      throw PgException.invalid(argument + " is missing");
    }
    if (value instanceof List<?>) {
      throw PgException.invalid(argument + " must be a single name, not a list");
    }
    if (!(value instanceof String text)) {
      throw PgException.invalid(argument + " must be a string, got " + typeName(value));
    }
    if (text.isEmpty()) {
      throw PgException.invalid(argument + " must not be empty");
    }
    if (utf8Length(text) > MAX_NAME_BYTES) {
      throw PgException.invalid(argument + " is longer than " + MAX_NAME_BYTES + " bytes");
    }
    return text;
  }

  /** A group name or a non-empty list of them (a batch); elements are named {@code group[i]}, 1-based. */
  static List<String> names(Object value, String argument) throws PgException {
    if (!(value instanceof List<?> list)) {
      return List.of(name(value, argument));
    }
    if (list.isEmpty()) {
      throw PgException.invalid(argument + " list must not be empty");
    }
    List<String> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Object element = list.get(i);
      if (element instanceof List<?>) {
        throw PgException.invalid(argument + "[" + (i + 1) + "] must be a string, got a list");
      }
      out.add(name(element, argument + "[" + (i + 1) + "]"));
    }
    return out;
  }

  private static String typeName(Object value) {
    return value == null ? "nil" : value.getClass().getSimpleName();
  }

  /** UTF-8 length without encoding; stops early once past the limit (a 1 MiB name costs nothing). */
  private static long utf8Length(String text) {
    if (text.length() > MAX_NAME_BYTES) {
      return text.length();
    }
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
