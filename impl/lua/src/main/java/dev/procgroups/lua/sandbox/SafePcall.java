package dev.procgroups.lua.sandbox;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code pcall} and {@code xpcall} that also catch a stack overflow (LuaJ nests Lua calls on the
 * Java stack, and its stock {@code pcall} lets {@link StackOverflowError} through, killing the
 * process), and raw Java exceptions some LuaJ library functions leak. A {@link ProcessKilledError}
 * is never caught.
 */
final class SafePcall {

  private SafePcall() {}

  static LuaValue pcall() {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        LuaValue function = args.checkvalue(1);
        try {
          return varargsOf(TRUE, function.invoke(args.subargs(2)));
        } catch (RuntimeException | StackOverflowError e) {
          return varargsOf(FALSE, errorValue(e));
        }
      }
    };
  }

  static LuaValue xpcall() {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        LuaValue function = args.checkvalue(1);
        LuaValue handler = args.checkfunction(2);
        try {
          return varargsOf(TRUE, function.invoke(args.subargs(3)));
        } catch (RuntimeException | StackOverflowError e) {
          try {
            return varargsOf(FALSE, handler.invoke(errorValue(e)));
          } catch (RuntimeException | StackOverflowError again) {
            return varargsOf(FALSE, valueOf("error in error handling"));
          }
        }
      }
    };
  }

  /** The Lua value a caught failure becomes: the error's object, or a message. */
  static LuaValue errorValue(Throwable failure) {
    if (failure instanceof LuaError error) {
      return LuaErrorMessages.valueOf(error);
    }
    if (failure instanceof StackOverflowError) {
      return LuaValue.valueOf("stack overflow");
    }
    // A raw Java exception leaked by a LuaJ library function.
    String message = failure.getMessage();
    return LuaValue.valueOf(message == null ? failure.toString() : message);
  }
}
