package dev.procgroups.lua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procgroups.lua.sandbox.LuaJPatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.luaj.vm2.LuaError;

/**
 * The LuaJ 3.0.1 number formatting defects, fixed. Expected texts are what the reference
 * interpreter (PUC Lua 5.2) prints for the same expression.
 */
class LuaNumberFormattingTest {

  private final LuaFixture lua = new LuaFixture();

  @Test
  void patchIsActive() {
    assertThat(LuaJPatch.ensureInstalled()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      value = {
        "tostring(1/3) => 0.33333333333333",
        "tostring(1e100) => 1e+100",
        "tostring(-1e100) => -1e+100",
        "tostring(2^53) => 9.007199254741e+15",
        "tostring(1e15) => 1e+15",
        "tostring(2^31) => 2147483648",
        "tostring(0.1) => 0.1",
        "tostring(123.456) => 123.456",
        "tostring(1e-5) => 1e-05",
        "tostring(0.0001) => 0.0001",
        "tostring(math.huge) => inf",
        "tostring(-math.huge) => -inf",
        "tostring(42) => 42",
        "tostring(3.0) => 3",
        "\"x\" .. 1/3 => x0.33333333333333",
        "\"x\" .. 0.1 + 0.2 => x0.3",
        "table.concat({1/3, 2.5}, ',') => 0.33333333333333,2.5",
        "tostring(-0.0) => -0",
        "tostring(-0) => -0",
        "tostring(0/-1) => -0",
        "tostring(-(1 - 1)) => -0",
        "tostring(math.ceil(-0.5)) => -0",
        "tostring(0.0) => 0",
        "-0.0 == 0 => true",
        "({[0] = 'zero'})[-0.0] => zero",
        "(function() local t = {} t[-0.0] = 'x' return t[0] end)() => x",
        "string.format('%d', -0.0) => 0",
        "(function() local a, b = 0, -0.0 return tostring(a) .. ',' .. tostring(b) end)() => '0,-0'",
      })
  void numbersPrintAsLua52(String expression, String expected) {
    assertThat(lua.eval("return " + expression)).isEqualTo(expected);
  }

  @Test
  void printUsesTheSameFormatting() {
    lua.run("print(1/3, 1e100, 7)");
    assertThat(lua.printed()).isEqualTo("0.33333333333333\t1e+100\t7\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      value = {
        "string.format('%.2f', 3.14159) => 3.14",
        "string.format('%.2f', 2.675) => 2.67",
        "string.format('%5.1f|', 2.25) => '  2.2|'",
        "string.format('%.0f', 0.5) => 0",
        "string.format('%f', 1/3) => 0.333333",
        "string.format('%d', 2^31) => 2147483648",
        "string.format('%d', 2^53) => 9007199254740992",
        "string.format('%d', -2^40) => -1099511627776",
        "string.format('%d', 3.7) => 3",
        "string.format('%05d', -42) => -0042",
        "string.format('%+d %+d', 5, -5) => +5 -5",
        "string.format('%-5d|', 3) => '3    |'",
        "string.format('%.3d', 7) => 007",
        "string.format('%x %X %#x %o', 255, 255, 255, 8) => ff FF 0xff 10",
        "string.format('%s', 12) => 12",
        "string.format('%s', 1/3) => 0.33333333333333",
        "string.format('%s %s', true, nil) => true nil",
        "string.format('%5s|%-5s|', 'ab', 'cd') => '   ab|cd   |'",
        "string.format('%.1s', 'abc') => a",
        "string.format('%g', 1e20) => 1e+20",
        "string.format('%g', 100000) => 100000",
        "string.format('%g', 1000000) => 1e+06",
        "string.format('%.3g', 0.0001234) => 0.000123",
        "string.format('%#.3g', 1) => 1.00",
        "string.format('%G', 1e-10) => 1E-10",
        "string.format('%e', 12345.678) => 1.234568e+04",
        "string.format('%.0e', 5) => 5e+00",
        "string.format('%10.3e|', -0.5) => -5.000e-01|",
        "string.format('%a', 1) => 0x1p+0",
        "string.format('%a', 0.5) => 0x1p-1",
        "string.format('%c%c', 72, 105) => Hi",
        "string.format('%5.1f', 1/0) => '  inf'",
        "string.format('%q', 'a\\n\"b\\0') => '\"a\\\n\\\"b\\0\"'",
        "string.format('100%%') => 100%",
        "string.format('%s', setmetatable({}, {__tostring = function() return 'T' end})) => T",
      })
  void stringFormatAsLua52(String expression, String expected) {
    assertThat(lua.eval("return " + expression)).isEqualTo(expected);
  }

  @Test
  void formatErrorsAsLua52() {
    assertThatThrownBy(() -> lua.run("return string.format('%d', 'x')"))
        .isInstanceOf(LuaError.class)
        .hasMessageContaining("bad argument #2 to 'format' (number expected, got string)");
    assertThatThrownBy(() -> lua.run("return string.format('%d %d', 1)"))
        .isInstanceOf(LuaError.class)
        .hasMessageContaining("bad argument #3 to 'format' (no value)");
    assertThatThrownBy(() -> lua.run("return string.format('%d', 2^64)"))
        .isInstanceOf(LuaError.class)
        .hasMessageContaining("not a number in proper range");
    assertThatThrownBy(() -> lua.run("return string.format('%y', 1)"))
        .isInstanceOf(LuaError.class)
        .hasMessageContaining("invalid option '%y' to 'format'");
  }

  @Test
  void methodSyntaxUsesTheFixedFormat() {
    assertThat(lua.eval("return ('%.2f'):format(1/3)")).isEqualTo("0.33");
  }
}
