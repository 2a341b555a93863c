package dev.procgroups.lua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.lua.api.LuaErrors;
import dev.procgroups.pg.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The global errors table and error objects (SEMANTICS.md, Results and errors). */
class LuaErrorsTest {

  private final LuaFixture lua = new LuaFixture();

  @ParameterizedTest
  @CsvSource({
    "INVALID,Invalid",
    "NOT_FOUND,NotFound",
    "PERMISSION_DENIED,PermissionDenied",
    "UNAVAILABLE,Unavailable",
    "INTERNAL,Internal",
    "RATE_LIMITED,RateLimited"
  })
  void kindsAreStrings(String constant, String value) {
    assertThat(lua.eval("return errors." + constant)).isEqualTo(value);
  }

  @Test
  void errorObjectMethods() {
    assertThat(
            lua.eval(
                """
        local err = errors.new(errors.PERMISSION_DENIED, 'pg.join denied on workers')
        return table.concat({err:kind(), err:message(), tostring(err:retryable()), tostring(err),
          type(err)}, '|')
        """))
        .isEqualTo(
            "PermissionDenied|pg.join denied on workers|false|pg.join denied on workers|userdata");
  }

  @Test
  void errorObjectsFromJavaCarryKindAndMessage() {
    lua.globals.rawset("e", LuaErrors.error(ErrorKind.UNAVAILABLE, "scope stopped"));
    assertThat(lua.eval("return e:kind() .. ' ' .. e:message() .. ' ' .. tostring(e:retryable())"))
        .isEqualTo("Unavailable scope stopped true");
    assertThat(LuaErrors.failureOf(lua.globals.get("e")))
        .isEqualTo(new LuaErrors.Failure(ErrorKind.UNAVAILABLE, "scope stopped", true));
  }

  @Test
  void errorsIs() {
    assertThat(
            lua.eval(
                """
        local err = errors.new(errors.INVALID, 'group must be a non-empty string')
        return table.concat({tostring(errors.is(err, errors.INVALID)),
          tostring(errors.is(err, errors.NOT_FOUND)), tostring(errors.is(nil, errors.INVALID)),
          tostring(errors.is('Invalid', errors.INVALID)), tostring(errors.is({}, errors.INVALID))}, ' ')
        """))
        .isEqualTo("true false false false false");
  }

  @Test
  void retryableFollowsTheKind() {
    assertThat(
            lua.eval(
                """
        local out = {}
        for _, k in ipairs({'INVALID', 'NOT_FOUND', 'PERMISSION_DENIED', 'UNAVAILABLE', 'INTERNAL', 'RATE_LIMITED'}) do
          out[#out + 1] = tostring(errors.new(errors[k], 'm'):retryable())
        end
        return table.concat(out, ' ')
        """))
        .isEqualTo("false false false true false true");
  }

  @Test
  void unknownKindIsAnError() {
    assertThat(
            lua.eval(
                "local ok, err = pcall(errors.new, 'Bogus', 'x') return tostring(ok) .. ' ' .. err"))
        .contains("false")
        .contains("unknown error kind 'Bogus'");
  }

  @Test
  void errorMethodsOnSomethingElseFailCleanly() {
    assertThat(
            lua.eval(
                """
        local err = errors.new(errors.INVALID, 'x')
        local ok, msg = pcall(err.kind, {})
        return tostring(ok) .. ' ' .. msg
        """))
        .isEqualTo("false error object expected, got table");
  }
}
