package dev.procgroups.lua.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The modules every Lua process has, registered as {@link LuaModule}s like any module a node adds.
 * {@link #GLOBALS} are also opened at the start of each process and set as globals of that name.
 */
public final class BuiltinModules {

  /** Modules a script sees as globals without {@code require}. */
  public static final List<String> GLOBALS = List.of("process", "channel", "errors");

  private BuiltinModules() {}

  /** Name to module; {@code pg} opens nothing (not found) on a node without pg. */
  public static Map<String, LuaModule> all() {
    Map<String, LuaModule> modules = new LinkedHashMap<>();
    modules.put("process", LuaProcessModule::open);
    modules.put("channel", process -> LuaSelect.module(process.budget()));
    modules.put("errors", process -> LuaErrors.table());
    modules.put("time", LuaTimeModule::open);
    modules.put(
        "pg", process -> process.node().pg().map(pg -> LuaPgModule.open(process, pg)).orElse(null));
    return modules;
  }
}
