package dev.procgroups.lua.api;

import dev.procgroups.pg.ErrorKind;
import dev.procgroups.pg.PgException;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** The result shapes of API calls: values on success, {@code nil, err} on failure. */
final class LuaCalls {

  private LuaCalls() {}

  /** {@code nil, err}: the failure of a two-value method. */
  static Varargs fail(PgException e) {
    return LuaValue.varargsOf(LuaValue.NIL, LuaErrors.error(e));
  }

  /** {@code nil, err} with an error made here. */
  static Varargs fail(ErrorKind kind, String message) {
    return LuaValue.varargsOf(LuaValue.NIL, LuaErrors.error(kind, message));
  }

  /** {@code nil, nil, err}: the failure of {@code monitor} and {@code events}. */
  static Varargs fail3(PgException e) {
    return LuaValue.varargsOf(LuaValue.NIL, LuaValue.NIL, LuaErrors.error(e));
  }
}
