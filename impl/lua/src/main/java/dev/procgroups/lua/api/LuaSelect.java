package dev.procgroups.lua.api;

import dev.procgroups.lua.sandbox.FrozenTable;
import dev.procgroups.lua.sandbox.InstructionBudget;
import dev.procgroups.process.Select;
import dev.procgroups.process.SelectCase;
import dev.procgroups.process.Selected;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The {@code channel} module: {@code channel.new([capacity])} (unbounded without one) and {@code
 * channel.select(cases [, timeout_ms])}. {@code select} waits until one case is ready (the first
 * ready in list order wins), completes it and returns {@code {channel = ch, value = v, ok = bool,
 * index = i}}; with a timeout it returns {@code nil, "timeout"} when none got ready in time (a
 * timeout of 0 polls).
 */
final class LuaSelect {

  private static final LuaTable CASE_METATABLE = FrozenTable.of("__name", LuaValue.valueOf("case"));

  private LuaSelect() {}

  /** A case: which channel userdata it belongs to, and the runtime case. */
  private record Case(LuaValue channel, SelectCase selectCase, LuaChannel owner) {}

  /** A case userdata for {@code channel.select}; {@code channel} is the channel's userdata. */
  static LuaValue newCase(LuaValue channel, SelectCase selectCase) {
    return new LuaUserdata(
        new Case(channel, selectCase, LuaChannel.check(channel, "case")), CASE_METATABLE);
  }

  /** The module table of one process. */
  static LuaTable module(InstructionBudget budget) {
    LuaTable module = new LuaTable();
    module.rawset(
        "new",
        new VarArgFunction() {
          @Override
          public Varargs invoke(Varargs args) {
            if (args.isnoneornil(1)) {
              return LuaChannel.local(dev.procgroups.process.Channel.unbounded(), budget);
            }
            int capacity = args.checkint(1);
            if (capacity < 1) {
              throw new LuaError("bad argument #1 to 'new' (capacity must be >= 1)");
            }
            return LuaChannel.local(dev.procgroups.process.Channel.bounded(capacity), budget);
          }
        });
    module.rawset(
        "select",
        new VarArgFunction() {
          @Override
          public Varargs invoke(Varargs args) {
            return select(args, budget);
          }
        });
    return module;
  }

  private static Varargs select(Varargs args, InstructionBudget budget) {
    LuaTable list = args.checktable(1);
    List<Case> cases = new ArrayList<>();
    for (int i = 1; i <= list.length(); i++) {
      LuaValue item = list.get(i);
      if (!(item instanceof LuaUserdata u && u.m_instance instanceof Case c)) {
        throw new LuaError(
            "bad argument #1 to 'select' (case expected at ["
                + i
                + "], got "
                + item.typename()
                + ")");
      }
      cases.add(c);
    }
    if (cases.isEmpty()) {
      throw new LuaError("bad argument #1 to 'select' (no cases)");
    }
    List<SelectCase> runtimeCases = cases.stream().map(Case::selectCase).toList();
    Optional<Selected> selected;
    if (args.isnoneornil(2)) {
      selected = Optional.of(budget.block(() -> Select.select(runtimeCases)));
    } else {
      Duration timeout = LuaChannel.millis(args.arg(2), "select");
      selected =
          timeout.isZero()
              ? Select.poll(runtimeCases)
              : budget.block(() -> Select.select(runtimeCases, timeout));
    }
    if (selected.isEmpty()) {
      return LuaValue.varargsOf(LuaValue.NIL, LuaChannel.TIMEOUT);
    }
    Selected done = selected.get();
    Case chosen = cases.get(done.index());
    LuaTable result = new LuaTable();
    result.rawset("channel", chosen.channel());
    boolean isReceive = done.selectedCase() instanceof SelectCase.Receive;
    result.rawset(
        "value",
        isReceive && done.ok()
            ? chosen.owner().convert(done.value())
            : isReceive ? LuaValue.NIL : (LuaValue) done.value());
    result.rawset("ok", LuaValue.valueOf(done.ok()));
    result.rawset("index", LuaValue.valueOf(done.index() + 1));
    return result;
  }
}
