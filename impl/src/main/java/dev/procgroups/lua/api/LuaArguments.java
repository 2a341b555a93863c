package dev.procgroups.lua.api;

import org.luaj.vm2.LuaValue;

/**
 * A Lua argument of a pg call as the Java API takes it ({@code Object}: a {@code String}, a
 * {@code List} for a batch, anything else is refused there as INVALID). A value that is not even a
 * payload (a function, a cyclic table) is passed as its Lua type name's stand-in so that the API
 * still reports INVALID naming the argument.
 */
final class LuaArguments {

  private LuaArguments() {}

  /** A stand-in for a Lua value the API can only refuse. */
  record Unusable(String luaType) {
    @Override
    public String toString() {
      return luaType;
    }
  }

  static Object toJava(LuaValue value) {
    if (value.type() == LuaValue.TNUMBER) {
      return new Unusable("number"); // a number is never a name, even if Lua could coerce it
    }
    try {
      return LuaPayloads.toJava(value);
    } catch (PayloadException e) {
      return new Unusable(value.typename());
    }
  }
}
