package dev.procgroups.pg;

import dev.procgroups.process.Limits;
import java.util.ArrayList;
import java.util.List;

/**
 * Validation of the name arguments of pg calls: every failure is INVALID with a message {@code
 * "<argument>: <reason>"}, e.g. {@code "group[2]: must be a string, got Long"}.
 */
final class Arguments {

  private Arguments() {}

  /** A single group name or topic. */
  static String name(Object value, String argument) throws PgException {
    if (value instanceof List<?>) {
      throw invalid(argument, "must be a single name, not a list");
    }
    String reason = problem(value);
    if (reason != null) {
      throw invalid(argument, reason);
    }
    return (String) value;
  }

  /**
   * A group name or a non-empty list of them (a batch); elements are named {@code group[i]},
   * 1-based.
   */
  static List<String> names(Object value, String argument) throws PgException {
    if (!(value instanceof List<?> list)) {
      return List.of(name(value, argument));
    }
    if (list.isEmpty()) {
      throw invalid(argument, "empty batch");
    }
    List<String> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Object element = list.get(i);
      String reason =
          element instanceof List<?> ? "must be a string, got a list" : problem(element);
      if (reason != null) {
        // The element's label is built only for the error: a batch's names are on the hot path.
        throw invalid(argument + "[" + (i + 1) + "]", reason);
      }
      out.add((String) element);
    }
    return out;
  }

  /** Why {@code value} is not a valid name (a list aside), or null if it is one. */
  private static String problem(Object value) {
    if (value == null) {
      return "missing";
    }
    if (!(value instanceof String text)) {
      return "must be a string, got " + value.getClass().getSimpleName();
    }
    if (text.isEmpty()) {
      return "must not be empty";
    }
    if (utf8Length(text) > Limits.MAX_NAME_BYTES) {
      return "longer than " + Limits.MAX_NAME_BYTES + " bytes";
    }
    return null;
  }

  static PgException invalid(String argument, String reason) {
    return PgException.invalid(argument + ": " + reason);
  }

  /**
   * UTF-8 length without encoding; stops early once past the limit (a 1 MiB name costs nothing).
   */
  private static long utf8Length(String text) {
    if (text.length() > Limits.MAX_NAME_BYTES) {
      return text.length();
    }
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
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
