package dev.procgroups.lua.sandbox;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The string library, built once per JVM. LuaJ's string metatable is JVM-wide ({@code
 * LuaString.s_metatable}, reset by every {@code StringLib} load), so it is installed here once,
 * frozen: {@code ("x"):upper()} resolves in a {@link FrozenTable} that no script can change. Each
 * process gets its own writable copy as the global {@code string} (so {@code function
 * string.trim(s) ... end} works there), but method calls on strings always use the shared library.
 *
 * <p>Fixed against stock LuaJ 3.0.1: {@code format} (see {@link LuaStringFormat}) and {@code
 * gmatch} (stock loops forever on empty matches). Bounded, and fixed: {@code rep}, {@code upper},
 * {@code lower}, {@code reverse}, {@code byte} (see {@link BoundedStringFunctions}): one call could
 * otherwise exhaust the heap every process shares. Removed: {@code dump} (binary chunks).
 */
final class SharedStringLibrary {

  private static final FrozenTable LIBRARY = build();

  private SharedStringLibrary() {}

  /** The shared library; installs the locked string metatable on first use. */
  static FrozenTable library() {
    return LIBRARY;
  }

  /** A process's own copy of the library, for its global {@code string}. */
  static LuaTable processCopy() {
    LuaTable copy = new LuaTable();
    LuaValue key = LuaValue.NIL;
    while (true) {
      Varargs next = LIBRARY.next(key);
      key = next.arg1();
      if (key.isnil()) {
        return copy;
      }
      copy.rawset(key, next.arg(2));
    }
  }

  private static FrozenTable build() {
    LuaJPatch.ensureInstalled();
    Globals scratch = new Globals();
    LuaTable pkg = new LuaTable();
    pkg.rawset("loaded", new LuaTable());
    scratch.rawset("package", pkg); // StringLib registers itself in package.loaded
    scratch.load(new StringLib());
    LuaTable stock = scratch.get("string").checktable();
    stock.rawset("format", new LuaStringFormat());
    stock.rawset("gmatch", new Gmatch(stock.get("find")));
    stock.rawset("rep", BoundedStringFunctions.rep());
    stock.rawset("upper", BoundedStringFunctions.upper());
    stock.rawset("lower", BoundedStringFunctions.lower());
    stock.rawset("reverse", BoundedStringFunctions.reverse());
    stock.rawset("byte", BoundedStringFunctions.byteValues(stock.get("byte")));
    stock.rawset("dump", LuaValue.NIL);
    FrozenTable library = FrozenTable.copyOf(stock);
    LuaString.s_metatable = FrozenTable.of("__index", library);
    return library;
  }

  /** Lua 5.2 {@code gmatch} on top of {@code find}: an empty match advances one position. */
  private static final class Gmatch extends VarArgFunction {
    private final LuaValue find;

    Gmatch(LuaValue find) {
      this.find = find;
    }

    @Override
    public Varargs invoke(Varargs args) {
      return new Step(find, args.checkstring(1), args.checkstring(2));
    }
  }

  private static final class Step extends VarArgFunction {
    private final LuaValue find;
    private final LuaString subject;
    private final LuaString pattern;
    private int position = 1;

    Step(LuaValue find, LuaString subject, LuaString pattern) {
      this.find = find;
      this.subject = subject;
      this.pattern = pattern;
    }

    @Override
    public Varargs invoke(Varargs ignored) {
      if (position > subject.length() + 1) {
        return NIL;
      }
      Varargs found = find.invoke(varargsOf(subject, pattern, valueOf(position)));
      if (found.arg1().isnil()) {
        position = subject.length() + 2;
        return NIL;
      }
      int start = found.arg1().toint();
      int end = found.arg(2).toint();
      position = end >= start ? end + 1 : start + 1;
      return found.narg() > 2 ? found.subargs(3) : subject.substring(start - 1, end);
    }
  }
}
