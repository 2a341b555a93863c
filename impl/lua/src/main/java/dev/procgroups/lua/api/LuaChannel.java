package dev.procgroups.lua.api;

import dev.procgroups.lua.sandbox.FrozenTable;
import dev.procgroups.lua.sandbox.InstructionBudget;
import dev.procgroups.process.Channel;
import dev.procgroups.process.Received;
import dev.procgroups.process.SelectCase;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * A runtime {@link Channel} as a Lua userdata: {@code ch:receive([timeout_ms])} → {@code value,
 * true}, or {@code nil, false} once closed and empty, or {@code nil, false, "timeout"}; {@code
 * ch:send(v)} (channels made by {@code channel.new} only); {@code ch:close()}; {@code
 * ch:case_receive()} and {@code ch:case_send(v)} for {@code channel.select}.
 */
final class LuaChannel {

  static final LuaValue TIMEOUT = LuaValue.valueOf("timeout");
  private static final LuaTable METATABLE = metatable();

  final Channel<Object> channel;
  private final Function<Object, LuaValue> toLua;
  private final boolean sendable;
  private final Runnable onClose;
  final InstructionBudget budget;

  private LuaChannel(
      Channel<Object> channel,
      Function<Object, LuaValue> toLua,
      boolean sendable,
      Runnable onClose,
      InstructionBudget budget) {
    this.channel = channel;
    this.toLua = toLua;
    this.sendable = sendable;
    this.onClose = onClose;
    this.budget = budget;
  }

  /** A receive-only view of a runtime channel whose values {@code toLua} converts. */
  @SuppressWarnings("unchecked")
  static <T> LuaValue receiving(
      Channel<T> channel,
      Function<? super T, LuaValue> toLua,
      Runnable onClose,
      InstructionBudget budget) {
    return wrap(
        new LuaChannel((Channel<Object>) channel, v -> toLua.apply((T) v), false, onClose, budget));
  }

  /** A channel made by a script, carrying Lua values within its process. */
  static LuaValue local(Channel<Object> channel, InstructionBudget budget) {
    return wrap(
        new LuaChannel(
            channel, v -> v == null ? LuaValue.NIL : (LuaValue) v, true, channel::close, budget));
  }

  private static LuaValue wrap(LuaChannel channel) {
    return new LuaUserdata(channel, METATABLE);
  }

  /** The channel behind a userdata, or a Lua error naming the argument. */
  static LuaChannel check(LuaValue value, String what) {
    if (value instanceof LuaUserdata u && u.m_instance instanceof LuaChannel c) {
      return c;
    }
    throw new LuaError(what + ": channel expected, got " + value.typename());
  }

  LuaValue convert(Object value) {
    return toLua.apply(value);
  }

  private Varargs receive(Varargs args) {
    if (args.isnoneornil(2)) {
      return result(budget.block(channel::receive));
    }
    Duration timeout = millis(args.arg(2), "receive");
    Optional<Received<Object>> got = budget.block(() -> channel.receive(timeout));
    return got.isPresent()
        ? result(got.get())
        : LuaValue.varargsOf(LuaValue.NIL, LuaValue.FALSE, TIMEOUT);
  }

  private Varargs result(Received<Object> received) {
    return received.ok()
        ? LuaValue.varargsOf(convert(received.value()), LuaValue.TRUE)
        : LuaValue.varargsOf(LuaValue.NIL, LuaValue.FALSE);
  }

  private LuaValue send(LuaValue value) {
    if (!sendable) {
      throw new LuaError("send: this channel only receives");
    }
    return LuaValue.valueOf(budget.block(() -> channel.send(value)));
  }

  /** Milliseconds ≥ 0 from a Lua number argument. */
  static Duration millis(LuaValue value, String function) {
    if (!value.isnumber() || value.todouble() < 0) {
      throw new LuaError(function + ": timeout must be a number of milliseconds >= 0");
    }
    return Duration.ofNanos((long) (value.todouble() * 1_000_000));
  }

  private static LuaTable metatable() {
    LuaTable methods = new LuaTable();
    methods.rawset("receive", method((c, args) -> c.receive(args)));
    methods.rawset("send", method((c, args) -> c.send(args.arg(2))));
    methods.rawset(
        "close",
        method(
            (c, args) -> {
              c.onClose.run();
              return LuaValue.TRUE;
            }));
    methods.rawset(
        "case_receive",
        method((c, args) -> LuaSelect.newCase(args.arg1(), SelectCase.receive(c.channel))));
    methods.rawset(
        "case_send",
        method(
            (c, args) -> {
              if (!c.sendable) {
                throw new LuaError("case_send: this channel only receives");
              }
              return LuaSelect.newCase(args.arg1(), SelectCase.send(c.channel, args.arg(2)));
            }));
    return FrozenTable.metatable(methods, "channel");
  }

  private interface Method {
    Varargs call(LuaChannel channel, Varargs args);
  }

  private static LuaValue method(Method body) {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        return body.call(check(args.arg1(), "self"), args);
      }
    };
  }
}
