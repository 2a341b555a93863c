package dev.procgroups.lua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procgroups.lua.api.LuaPayloads;
import dev.procgroups.lua.api.PayloadException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaValue;

/** Lua tables ↔ payload values, with the edges of docs/DECISIONS.md. */
class LuaPayloadsTest {

  private final LuaFixture lua = new LuaFixture();

  private Object fromLua(String expression) {
    return LuaPayloads.toJava(lua.run("return " + expression).arg1());
  }

  @Test
  void scalars() {
    assertThat(fromLua("nil")).isNull();
    assertThat(fromLua("true")).isEqualTo(true);
    assertThat(fromLua("'héllo'")).isEqualTo("héllo");
    assertThat(fromLua("42")).isEqualTo(42L);
    assertThat(fromLua("3.0")).isEqualTo(3L);
    assertThat(fromLua("2^53")).isEqualTo(9007199254740992L);
    assertThat(fromLua("2^53 + 2")).isEqualTo(9007199254740994d);
    assertThat(fromLua("0.5")).isEqualTo(0.5d);
    assertThat(fromLua("-2^40")).isEqualTo(-1099511627776L);
  }

  @Test
  void tables() {
    assertThat(fromLua("{}")).isEqualTo(List.of());
    assertThat(fromLua("{1, 'two', {3}}")).isEqualTo(List.of(1L, "two", List.of(3L)));
    assertThat(fromLua("{id = 42, tags = {'a', 'b'}, meta = {ok = true}}"))
        .isEqualTo(Map.of("id", 42L, "tags", List.of("a", "b"), "meta", Map.of("ok", true)));
  }

  @Test
  void refusedValues() {
    assertThatThrownBy(() -> fromLua("{1, 2, nil, 4}"))
        .isInstanceOf(PayloadException.class)
        .hasMessageStartingWith("payload:");
    assertThatThrownBy(() -> fromLua("{1, x = 2}")).isInstanceOf(PayloadException.class);
    assertThatThrownBy(() -> fromLua("{[2] = 'b'}")).isInstanceOf(PayloadException.class);
    assertThatThrownBy(() -> fromLua("{[1.5] = 'b'}")).isInstanceOf(PayloadException.class);
    assertThatThrownBy(() -> fromLua("print"))
        .isInstanceOf(PayloadException.class)
        .hasMessageContaining("function");
    assertThatThrownBy(() -> fromLua("coroutine.create(print)"))
        .isInstanceOf(PayloadException.class);
    assertThatThrownBy(() -> fromLua("errors.new('Invalid', 'x')"))
        .isInstanceOf(PayloadException.class);
    assertThatThrownBy(() -> fromLua("(function() local t = {} t.self = t return t end)()"))
        .isInstanceOf(PayloadException.class)
        .hasMessageContaining("itself");
  }

  @Test
  void depthLimitIs32Tables() {
    String nested32 = "{".repeat(32) + "}".repeat(32);
    assertThat(fromLua(nested32)).isInstanceOf(List.class);
    assertThatThrownBy(() -> fromLua("{" + nested32 + "}"))
        .isInstanceOf(PayloadException.class)
        .hasMessageContaining("deeper than 32");
  }

  @Test
  void sharedSubtablesAreCopiedTwice() {
    assertThat(fromLua("(function() local s = {1} return {s, s} end)()"))
        .isEqualTo(List.of(List.of(1L), List.of(1L)));
  }

  @Test
  void argumentsFromAPosition() {
    assertThat(LuaPayloads.toJava(LuaValue.NONE, 1)).isEmpty();
    assertThat(
            LuaPayloads.toJava(
                LuaValue.varargsOf(
                    new LuaValue[] {
                      LuaValue.valueOf("t"),
                      LuaValue.valueOf(1),
                      LuaValue.NIL,
                      LuaValue.valueOf("x")
                    }),
                2))
        .containsExactly(1L, null, "x");
  }

  @Test
  void javaToLua() {
    lua.globals.rawset("p", LuaPayloads.toLua(Map.of("id", 42L, "list", List.of(1.5, "x", false))));
    assertThat(
            lua.eval(
                "return p.id .. ' ' .. p.list[1] .. ' ' .. p.list[2] .. ' ' .. tostring(p.list[3]) .. ' ' .. #p.list"))
        .isEqualTo("42 1.5 x false 3");
    assertThat(
            LuaPayloads.toLua(dev.procgroups.process.Pid.parse("{n1@app:processes|0001a3}"))
                .tojstring())
        .isEqualTo("{n1@app:processes|0001a3}");
    assertThatThrownBy(() -> LuaPayloads.toLua(new Object())).isInstanceOf(PayloadException.class);
    assertThatThrownBy(() -> LuaPayloads.toLua(Map.of(1, "x")))
        .isInstanceOf(PayloadException.class);
  }
}
