package dev.procgroups.lua.sandbox;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.Bit32Lib;
import org.luaj.vm2.lib.CoroutineLib;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.jse.JseMathLib;

/**
 * Builds the globals of one Lua process for {@link LuaSandbox}, which documents them. Apart from
 * it: its code names LuaJ classes that {@link LuaJPatch} must patch before the JVM loads them.
 */
final class SandboxGlobals {

  /** The first byte of every binary chunk (ESC). */
  private static final int BINARY_MARK = 27;

  private static final String[] BASE_REMOVED = {"dofile", "loadfile"};

  /** What compiling one byte of source allocates, roughly (tokens, code, line numbers, copies). */
  private static final long COMPILE_BYTES_PER_SOURCE_BYTE = 16;

  private SandboxGlobals() {}

  static Globals create(
      PrintStream out, InstructionBudget budget, LuaSandbox.ModuleLoader modules) {
    Globals g = new Globals();
    g.STDOUT = out;
    g.STDERR = out;
    g.STDIN = new ByteArrayInputStream(new byte[0]);
    LuaTable loaded = new LuaTable();
    LuaTable pkg = new LuaTable();
    pkg.rawset("loaded", loaded);
    pkg.rawset("preload", new LuaTable());
    g.rawset("package", pkg);

    g.load(new BaseLib());
    g.load(new Bit32Lib());
    g.load(new TableLib());
    g.load(new CoroutineLib());
    BoundedCoroutines.install(g, budget);
    g.load(new JseMathLib());
    g.load(new SandboxOsLib());
    LuaC.install(g);
    g.undumper = null;
    g.debuglib = budget;

    for (String name : BASE_REMOVED) {
      g.rawset(name, LuaValue.NIL);
    }
    g.rawset("_VERSION", LuaValue.valueOf("Lua 5.2"));
    g.rawset("pcall", SafePcall.pcall());
    g.rawset("xpcall", SafePcall.xpcall());
    g.rawset("pairs", pairs(g.get("pairs")));
    g.rawset("load", textOnlyLoad(g.get("load")));
    g.rawset("collectgarbage", collectgarbage());
    g.rawset("print", print(g, out));
    LuaTable string = SharedStringLibrary.processCopy();
    g.rawset("string", string);
    loaded.rawset("string", string);
    g.get("math").rawset("log", log());
    g.get("table").rawset("unpack", unpack(g.get("table").get("unpack")));
    loaded.rawset("_G", g);
    g.rawset("require", require(g, pkg, loaded, modules));
    return g;
  }

  /**
   * Lua 5.2's {@code require}: {@code package.loaded[name]} if set; else the loader {@code
   * package.preload[name]} (bundlers such as amalg put modules there), else the node's modules; the
   * loader's result, or {@code true} if it returned nothing and set no {@code package.loaded[name]}
   * itself, is kept in {@code package.loaded}.
   */
  private static LuaValue require(
      Globals g, LuaTable pkg, LuaTable loaded, LuaSandbox.ModuleLoader modules) {
    return new OneArgFunction() {
      @Override
      public LuaValue call(LuaValue nameValue) {
        LuaString name = nameValue.checkstring();
        LuaValue module = loaded.get(name);
        if (module.toboolean()) {
          return module;
        }
        LuaValue preload = pkg.get("preload");
        LuaValue loader = preload.istable() ? preload.get(name) : NIL;
        if (!loader.isnil()) {
          module = loader.call(name, valueOf(":preload:"));
        } else {
          module = modules.load(name.tojstring(), g);
          if (module == null) {
            throw new LuaError("module '" + name + "' not found");
          }
        }
        if (!module.isnil()) {
          loaded.set(name, module);
        } else if (loaded.get(name).isnil()) {
          loaded.set(name, TRUE);
        }
        return loaded.get(name);
      }
    };
  }

  /**
   * {@code print} that writes each line in one piece, so lines of processes sharing an output never
   * interleave (stock LuaJ writes argument by argument), of at most 64 MiB. Calls the global {@code
   * tostring}, as Lua 5.2 does.
   */
  private static LuaValue print(Globals g, PrintStream out) {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        LuaValue tostring = g.get("tostring");
        LuaStringBuilder line = new LuaStringBuilder(64);
        for (int i = 1; i <= args.narg(); i++) {
          if (i > 1) {
            line.write('\t');
          }
          LuaValue text = tostring.call(args.arg(i));
          if (!text.isstring()) {
            throw new LuaError("'tostring' must return a string to 'print'");
          }
          org.luaj.vm2.LuaString bytes = text.strvalue();
          line.write(bytes.m_bytes, bytes.m_offset, bytes.m_length);
        }
        line.write('\n');
        synchronized (out) {
          out.write(line.toByteArray(), 0, line.size());
          out.flush();
        }
        return NONE;
      }
    };
  }

  /**
   * {@code load} of source text only: a binary chunk is refused like Lua 5.2 with mode "t". A
   * source string is charged to the process's memory account before it is compiled, at {@value
   * #COMPILE_BYTES_PER_SOURCE_BYTE} bytes per byte: the compiler allocates that much and more
   * without running a Lua instruction, so without it a few {@code load} calls keeping large chunks
   * pass every checkpoint and meet the JVM's OutOfMemoryError.
   */
  private static LuaValue textOnlyLoad(LuaValue stock) {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        String mode = args.optjstring(3, "bt");
        if (mode.indexOf('t') < 0) {
          return varargsOf(NIL, valueOf("attempt to load a text chunk (mode is '" + mode + "')"));
        }
        if (isBinary(args.arg1())) {
          // LuaJ ignores the mode: without this it reports a syntax error instead
          return varargsOf(NIL, valueOf("attempt to load a binary chunk (mode is 't')"));
        }
        if (args.arg1().isstring()) {
          LuaAllocations.reserve(COMPILE_BYTES_PER_SOURCE_BYTE * args.arg1().length());
        }
        return stock.invoke(new LuaValue[] {args.arg(1), args.arg(2), valueOf("t"), args.arg(4)});
      }
    };
  }

  private static boolean isBinary(LuaValue chunk) {
    if (!chunk.isstring()) {
      return false;
    }
    LuaString bytes = chunk.strvalue();
    return bytes.length() > 0 && bytes.luaByte(0) == BINARY_MARK;
  }

  /** Lua 5.2 {@code pairs}: honours {@code __pairs} (stock LuaJ 3.0.1 ignores it). */
  private static LuaValue pairs(LuaValue stock) {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        LuaValue handler = args.arg1().metatag(valueOf("__pairs"));
        if (handler.isnil()) {
          return stock.invoke(args);
        }
        Varargs r = handler.invoke(args.arg1());
        return varargsOf(r.arg(1), r.arg(2), r.arg(3));
      }
    };
  }

  /**
   * {@code table.unpack(t [, i [, j]])} with Lua 5.2's bound on the number of results (stock LuaJ
   * allocates an array of any size first).
   */
  private static LuaValue unpack(LuaValue stock) {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        LuaTable t = args.checktable(1);
        long first = args.optlong(2, 1);
        long last = args.isnoneornil(3) ? t.length() : args.checklong(3);
        if (last - first >= BoundedStringFunctions.MAX_RESULTS) {
          throw new LuaError("too many results to unpack");
        }
        return stock.invoke(args);
      }
    };
  }

  /** Lua 5.2 {@code math.log(x [, base])} (stock LuaJ 3.0.1 ignores the base). */
  private static LuaValue log() {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        double x = args.checkdouble(1);
        if (args.isnoneornil(2)) {
          return valueOf(Math.log(x));
        }
        double base = args.checkdouble(2);
        return valueOf(base == 10 ? Math.log10(x) : Math.log(x) / Math.log(base));
      }
    };
  }

  /**
   * {@code collectgarbage([opt])}: {@code "collect"} (the default) and {@code "step"} ask for a JVM
   * collection, at most one per {@link GarbageRequests#MIN_INTERVAL_MILLIS} for the whole JVM (a
   * script calling it in a loop does not stop the node each time), so collected coroutines stop
   * counting against the process's bound; {@code "count"} gives the heap in use in KiB (the guard's
   * reading: the JVM is one heap, there is no per-script figure) and its remainder in bytes; {@code
   * "isrunning"} is true; the tuning options do nothing and return 0.
   */
  private static LuaValue collectgarbage() {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        String option = args.optjstring(1, "collect");
        switch (option) {
          case "collect", "step" -> {
            GarbageRequests.collect();
            return option.equals("step") ? TRUE : valueOf(0);
          }
          case "count" -> {
            long used = HeapUse.used();
            return varargsOf(valueOf(used / 1024.0), valueOf(used % 1024));
          }
          case "isrunning" -> {
            return TRUE;
          }
          case "stop", "restart", "setpause", "setstepmul", "generational", "incremental" -> {
            return valueOf(0);
          }
          default ->
              throw new LuaError(
                  "bad argument #1 to 'collectgarbage' (invalid option '" + option + "')");
        }
      }
    };
  }
}
