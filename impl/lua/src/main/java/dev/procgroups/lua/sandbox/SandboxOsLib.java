package dev.procgroups.lua.sandbox;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.OsLib;

/**
 * {@code os} without the process, file and environment functions: only {@code clock}, {@code date},
 * {@code difftime} and {@code time} remain. {@code os.time()} returns whole seconds (stock LuaJ
 * 3.0.1 returns a fraction).
 */
final class SandboxOsLib extends OsLib {

  private static final String[] REMOVED = {
    "exit", "execute", "getenv", "remove", "rename", "setlocale", "tmpname"
  };

  @Override
  public LuaValue call(LuaValue modname, LuaValue env) {
    LuaValue os = super.call(modname, env);
    for (String name : REMOVED) {
      os.rawset(name, LuaValue.NIL);
    }
    return os;
  }

  @Override
  protected double time(LuaTable table) {
    return Math.floor(super.time(table));
  }
}
