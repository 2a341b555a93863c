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
    if (value == null) {
      throw invalid(argument, "missing");
    }
    if (value instanceof List<?>) {
      throw invalid(argument, "must be a single name, not a list");
    }
    if (!(value instanceof String text)) {
      throw invalid(argument, "must be a string, got " + value.getClass().getSimpleName());
    }
    if (text.isEmpty()) {
      throw invalid(argument, "must not be empty");
    }
    if (utf8Length(text) > Limits.MAX_NAME_BYTES) {
      throw invalid(argument, "longer than " + Limits.MAX_NAME_BYTES + " bytes");
    }
    return text;
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
      String element = argument + "[" + (i + 1) + "]";
      if (list.get(i) instanceof List<?>) {
        throw invalid(element, "must be a string, got a list");
      }
      out.add(name(list.get(i), element));
    }
    return out;
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
