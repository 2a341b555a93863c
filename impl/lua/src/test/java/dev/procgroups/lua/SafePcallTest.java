package dev.procgroups.lua;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** pcall/xpcall survive a stack overflow and keep error objects. */
class SafePcallTest {

  private final LuaFixture lua = new LuaFixture();

  @Test
  void pcallCatchesStackOverflow() {
    assertThat(
            lua.eval(
                """
        local function deep(n) return 1 + deep(n + 1) end
        local ok, err = pcall(deep, 1)
        local ok2, err2 = pcall(deep, 1)
        return tostring(ok) .. ' ' .. err .. ' / ' .. tostring(ok2) .. ' ' .. err2
        """))
        .isEqualTo("false stack overflow / false stack overflow");
  }

  @Test
  void xpcallPassesTheErrorToTheHandler() {
    assertThat(
            lua.eval(
                """
        local function deep() return 1 + deep() end
        local ok, handled = xpcall(deep, function(e) return 'handled: ' .. e end)
        return tostring(ok) .. ' ' .. handled
        """))
        .isEqualTo("false handled: stack overflow");
  }

  @Test
  void pcallKeepsErrorObjectsAndResults() {
    assertThat(
            lua.eval(
                """
        local ok, err = pcall(error, errors.new(errors.NOT_FOUND, 'gone'))
        local ok2, a, b = pcall(function(x) return x, x * 2 end, 21)
        return tostring(ok) .. ' ' .. err:kind() .. ' ' .. tostring(ok2) .. ' ' .. a .. ' ' .. b
        """))
        .isEqualTo("false NotFound true 21 42");
  }

  @Test
  void pcallCatchesErrorsWithPositionsAsLua52() {
    assertThat(lua.eval("local ok, err = pcall(function() error('boom') end) return err"))
        .isEqualTo("test:1: boom");
    assertThat(lua.eval("local ok, err = pcall(function() error('boom', 0) end) return err"))
        .isEqualTo("boom");
    assertThat(lua.eval("local ok, err = pcall(function() return nil + 1 end) return err"))
        .startsWith("test:1: attempt to perform arithmetic");
    assertThat(lua.eval("local ok, err = pcall(error, {code = 7}) return err.code")).isEqualTo("7");
  }

  @Test
  void pcallCatchesRawJavaExceptionsOfLibraryFunctions() {
    assertThat(lua.eval("return tostring((pcall(string.rep, 'x', -1)))")).isNotNull();
  }
}
