package dev.procgroups.lua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The other LuaJ 3.0.1 library defects scripts hit, fixed in the sandbox. */
class LuaLibraryFixesTest {

  private final LuaFixture lua = new LuaFixture();

  @Test
  void gmatchTerminatesOnEmptyMatchesLikeLua52() {
    // Stock LuaJ loops forever here. PUC Lua 5.2 yields: "" "" "" "" (one per position and the
    // end).
    String result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () ->
                lua.eval(
                    """
            local out = {}
            for m in ("abc"):gmatch("x*") do out[#out + 1] = "[" .. m .. "]" end
            for k, v in string.gmatch("a=1, b=22", "(%w+)=(%w+)") do out[#out + 1] = k .. v end
            for w in ("one two"):gmatch("%a+") do out[#out + 1] = w end
            return table.concat(out, " ")
            """));
    assertThat(result).isEqualTo("[] [] [] [] a1 b22 one two");
  }

  @Test
  void osTimeIsWholeSeconds() {
    assertThat(lua.eval("local t = os.time() return tostring(t == math.floor(t))"))
        .isEqualTo("true");
  }

  @Test
  void mathLogHonoursTheBase() {
    assertThat(lua.eval("return math.log(8, 2)")).isEqualTo("3");
    assertThat(lua.eval("return math.log(1000, 10)")).isEqualTo("3");
  }

  @Test
  void pairsHonoursPairsMetamethod() {
    assertThat(
            lua.eval(
                """
        local t = setmetatable({}, {__pairs = function(self)
          return function(_, k) if not k then return 1, 'one' end end, self, nil
        end})
        for k, v in pairs(t) do return k .. v end
        """))
        .isEqualTo("1one");
  }

  /** Expected values are what PUC Lua 5.2 returns ("C" locale). */
  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      value = {
        "string.rep('ab', 3, ',') => ab,ab,ab",
        "string.rep('ab', 1, ',') => ab",
        "#string.rep('ab', 0, ',') => 0",
        "string.rep('', 3, '-') => --",
        "string.rep('x', 3) => xxx",
        "('x'):rep(2, '|') => x|x",
        "string.upper(string.char(104, 195, 169)) == string.char(72, 195, 169) => true",
        "string.lower(string.char(195, 128, 66)) == string.char(195, 128, 98) => true",
        "string.upper('abc-XYZ-09') => ABC-XYZ-09",
        "string.reverse('abc') => cba",
        "select('#', string.byte('abc', 1, -1)) => 3",
        "string.byte('abc', -1) => 99",
        "select('#', table.unpack({1, 2, 3})) => 3",
        "table.unpack({1, 2, 3}, 2) => 2",
        "select('#', table.unpack({}, 1, 1000000)) => 1000000",
        "select(2, pcall(table.unpack, {}, 1, 1000001)) => too many results to unpack",
        "select('#', string.byte(string.rep('x', 1000000), 1, -1)) => 1000000",
        "select(2, pcall(string.byte, string.rep('x', 1000001), 1, -1)) => string slice too long",
      })
  void boundedStringAndTableFunctionsBehaveAsLua52(String expression, String expected) {
    assertThat(lua.eval("return " + expression)).isEqualTo(expected);
  }

  @Test
  void versionIsLua52() {
    assertThat(lua.eval("return _VERSION")).isEqualTo("Lua 5.2");
  }
}
