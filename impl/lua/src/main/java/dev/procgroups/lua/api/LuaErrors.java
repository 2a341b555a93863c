package dev.procgroups.lua.api;

import dev.procgroups.lua.sandbox.FrozenTable;
import dev.procgroups.pg.ErrorKind;
import dev.procgroups.pg.PgException;
import java.util.Arrays;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.TwoArgFunction;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Error objects and the global {@code errors} table. An error is a userdata with {@code
 * err:kind()}, {@code err:message()}, {@code err:retryable()} and {@code tostring(err)} (the
 * message); {@code errors.INVALID == "Invalid"} and so on; {@code errors.is(err, kind)}; {@code
 * errors.new(kind, message)} for scripts. Both tables are frozen and shared by all processes.
 */
public final class LuaErrors {

  /** What an error object carries. */
  public record Failure(ErrorKind kind, String message, boolean retryable) {
    public Failure(ErrorKind kind, String message) {
      this(kind, message, kind.retryable());
    }
  }

  private static final LuaTable METATABLE = metatable();
  private static final FrozenTable TABLE = errorsTable();

  private LuaErrors() {}

  /** The global {@code errors} table. */
  public static LuaTable table() {
    return TABLE;
  }

  /** A Lua error object. */
  public static LuaValue error(ErrorKind kind, String message) {
    return wrap(new Failure(kind, message));
  }

  /** The Lua error object of a failed pg call. */
  public static LuaValue error(PgException e) {
    return wrap(new Failure(e.kind(), e.getMessage(), e.retryable()));
  }

  /**
   * The failure behind a Lua error object, or null if {@code value} is not one. Every way a script
   * looks at an error ({@code err:kind()}, {@code tostring(err)}, {@code errors.is}) comes through
   * here and marks it inspected.
   */
  public static Failure failureOf(LuaValue value) {
    if (value instanceof ErrorObject error) {
      error.inspect();
      return error.failure;
    }
    return null;
  }

  /**
   * Runs {@code hook} once, when a script first looks at this error object (see {@link
   * #failureOf}).
   */
  static void onInspected(LuaValue value, Runnable hook) {
    if (value instanceof ErrorObject error) {
      error.onInspected = hook;
    }
  }

  private static LuaValue wrap(Failure failure) {
    return new ErrorObject(failure);
  }

  /** An error object; remembers whether the script looked at it (for script checks). */
  private static final class ErrorObject extends LuaUserdata {
    final Failure failure;
    private volatile Runnable onInspected;

    ErrorObject(Failure failure) {
      super(
          failure,
          LuaErrors.METATABLE); // qualified: LuaValue.METATABLE is the string "__metatable"
      this.failure = failure;
    }

    void inspect() {
      Runnable hook = onInspected;
      if (hook != null) {
        onInspected = null;
        hook.run();
      }
    }
  }

  private static Failure check(LuaValue self) {
    Failure failure = failureOf(self);
    if (failure == null) {
      throw new LuaError("error object expected, got " + self.typename());
    }
    return failure;
  }

  private static LuaTable metatable() {
    LuaTable methods = new LuaTable();
    methods.rawset("kind", method(f -> LuaValue.valueOf(f.kind().luaName())));
    methods.rawset("message", method(f -> LuaValue.valueOf(f.message())));
    methods.rawset("retryable", method(f -> LuaValue.valueOf(f.retryable())));
    LuaTable toString = new LuaTable();
    toString.rawset(LuaValue.TOSTRING, method(f -> LuaValue.valueOf(f.message())));
    return FrozenTable.metatable(methods, "error", toString);
  }

  private static LuaValue method(java.util.function.Function<Failure, LuaValue> read) {
    return new OneArgFunction() {
      @Override
      public LuaValue call(LuaValue self) {
        return read.apply(check(self));
      }
    };
  }

  private static FrozenTable errorsTable() {
    LuaTable t = new LuaTable();
    for (ErrorKind kind : ErrorKind.values()) {
      t.rawset(kind.name(), LuaValue.valueOf(kind.luaName()));
    }
    t.rawset(
        "is",
        new TwoArgFunction() {
          @Override
          public LuaValue call(LuaValue err, LuaValue kind) {
            Failure failure = failureOf(err);
            return valueOf(
                failure != null
                    && kind.isstring()
                    && failure.kind().luaName().equals(kind.tojstring()));
          }
        });
    t.rawset(
        "new",
        new VarArgFunction() {
          @Override
          public Varargs invoke(Varargs args) {
            String name = args.checkjstring(1);
            ErrorKind kind =
                Arrays.stream(ErrorKind.values())
                    .filter(k -> k.luaName().equals(name))
                    .findFirst()
                    .orElseThrow(
                        () ->
                            new LuaError(
                                "bad argument #1 to 'new' (unknown error kind '" + name + "')"));
            return LuaErrors.error(kind, args.optjstring(2, kind.luaName()));
          }
        });
    return FrozenTable.copyOf(t);
  }
}
