package dev.procgroups.lua.api;

import dev.procgroups.pg.ErrorKind;
import dev.procgroups.pg.PgException;
import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * A name argument of a pg call (a group, a topic, a scope ID) as the Java API takes it: a {@code
 * String}, or for a group a {@code List} of them (a batch, from a Lua array). Any other Lua value
 * is refused here as INVALID with the message the API would give, but naming the Lua type ({@code
 * "group[3]: must be a string, got number"}), never a Java class; the API checks the rest (empty,
 * too long).
 */
final class LuaArguments {

  private LuaArguments() {}

  /** A single name: a Lua string (a number is never a name, even if Lua could coerce it). */
  static Object name(LuaValue value, String argument) throws PgException {
    if (value.isnil()) {
      return null; // the API reports it missing
    }
    if (value.type() != LuaValue.TSTRING) {
      throw notAString(argument, value.typename());
    }
    return value.tojstring();
  }

  /** A name or a non-empty array of names (a batch); elements are named {@code argument[i]}. */
  static Object names(LuaValue value, String argument) throws PgException {
    if (!value.istable()) {
      return name(value, argument);
    }
    LuaTable table = value.checktable();
    int n = table.length();
    List<String> names = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      names.add((String) name(table.rawget(i), argument + "[" + i + "]"));
    }
    return names;
  }

  private static PgException notAString(String argument, String got) {
    return new PgException(ErrorKind.INVALID, argument + ": must be a string, got " + got);
  }
}
