package dev.procgroups.lua.sandbox;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * The value a script sees for a caught error, spelled as Lua 5.2 spells it. LuaJ 3.0.1, when a
 * debug hook is installed (ours always is), turns a string error into {@code "chunk:1 msg\n" +
 * traceback}; Lua 5.2 gives {@code "chunk:1: msg"}. Error values that are not strings pass as they
 * are.
 */
public final class LuaErrorMessages {

  private static final VarHandle FILELINE = field("fileline", String.class);
  private static final VarHandle LEVEL = field("level", int.class);

  private LuaErrorMessages() {}

  /** The Lua value of a caught {@link LuaError}. */
  static LuaValue valueOf(LuaError error) {
    LuaValue object = error.getMessageObject();
    if (object == null) {
      return LuaValue.NIL;
    }
    if (object.type() != LuaValue.TSTRING) {
      return object;
    }
    return LuaValue.valueOf(text(error, object.tojstring()));
  }

  /** The text of a caught {@link LuaError}, for reports outside Lua. */
  public static String text(LuaError error) {
    String message = error.getMessage();
    return message == null ? "nil" : text(error, message);
  }

  private static String text(LuaError error, String message) {
    String m = message.endsWith("\n") ? message.substring(0, message.length() - 1) : message;
    String fileline = (String) FILELINE.get(error);
    if (fileline != null && m.startsWith(fileline + " ")) {
      String bare = m.substring(fileline.length() + 1);
      // error(msg, 0) asks for no position; LuaJ adds one anyway.
      return (int) LEVEL.get(error) == 0 ? bare : fileline + ": " + bare;
    }
    return m;
  }

  private static VarHandle field(String name, Class<?> type) {
    try {
      return MethodHandles.privateLookupIn(LuaError.class, MethodHandles.lookup())
          .findVarHandle(LuaError.class, name, type);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("unexpected LuaJ version", e);
    }
  }
}
