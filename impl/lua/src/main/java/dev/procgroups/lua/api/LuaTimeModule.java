package dev.procgroups.lua.api;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.ZeroArgFunction;

/**
 * {@code require("time")}: {@code time.sleep(ms)} (a kill ends it) and {@code time.now()}
 * (milliseconds since the epoch).
 */
final class LuaTimeModule {

  private LuaTimeModule() {}

  static LuaTable open(LuaProcess process) {
    LuaTable module = new LuaTable();
    module.rawset(
        "sleep",
        new OneArgFunction() {
          @Override
          public LuaValue call(LuaValue ms) {
            long nanos = LuaChannel.millis(ms, "sleep").toNanos();
            process
                .budget()
                .block(
                    () -> {
                      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
                      return null;
                    });
            return TRUE;
          }
        });
    module.rawset(
        "now",
        new ZeroArgFunction() {
          @Override
          public LuaValue call() {
            return valueOf((double) System.currentTimeMillis());
          }
        });
    return module;
  }
}
