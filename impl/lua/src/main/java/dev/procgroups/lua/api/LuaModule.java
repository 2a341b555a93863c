package dev.procgroups.lua.api;

import org.luaj.vm2.LuaValue;

/** A module a Lua process can {@code require}, built once per process on first use. */
@FunctionalInterface
public interface LuaModule {
  LuaValue open(LuaProcess process);
}
