package dev.procgroups.lua.api;

import dev.procgroups.lua.sandbox.FrozenTable;
import dev.procgroups.process.Message;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.OneArgFunction;

/**
 * A received message as Lua sees it: {@code msg:from()} (the sender's PID string), {@code
 * msg:topic()}, {@code msg:payload()} (the payload as Lua values, converted once).
 */
final class LuaMessages {

  private static final LuaTable METATABLE = metatable();

  private LuaMessages() {}

  private record Received(String from, String topic, LuaValue payload) {}

  static LuaValue of(Message message) {
    return new LuaUserdata(
        new Received(
            message.from().toString(), message.topic(), LuaPayloads.toLua(message.payload())),
        METATABLE);
  }

  private static LuaTable metatable() {
    LuaTable methods = new LuaTable();
    methods.rawset("from", method(m -> LuaValue.valueOf(m.from())));
    methods.rawset("topic", method(m -> LuaValue.valueOf(m.topic())));
    methods.rawset("payload", method(Received::payload));
    return FrozenTable.metatable(methods, "message");
  }

  private static LuaValue method(java.util.function.Function<Received, LuaValue> read) {
    return new OneArgFunction() {
      @Override
      public LuaValue call(LuaValue self) {
        if (self instanceof LuaUserdata u && u.m_instance instanceof Received m) {
          return read.apply(m);
        }
        throw new org.luaj.vm2.LuaError("message expected, got " + self.typename());
      }
    };
  }
}
