package dev.procgroups.lua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.luaj.vm2.LuaError;

/** Every way out of the sandbox that stock LuaJ offers, closed. */
class LuaSandboxTest {

  private final LuaFixture lua = new LuaFixture();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "io",
        "luajava",
        "debug",
        "dofile",
        "loadfile",
        "os.exit",
        "os.execute",
        "os.getenv",
        "os.remove",
        "os.rename",
        "os.tmpname",
        "string.dump",
        "package.loadlib",
        "package.searchers",
        "package.path",
        "package.cpath"
      })
  void forbiddenGlobalIsAbsent(String name) {
    assertThat(lua.eval("return type(" + name + ")")).isEqualTo("nil");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "io",
        "debug",
        "luajava",
        "java.lang.System",
        "org.luaj.vm2.lib.jse.JseIoLib",
        "os.exit",
        "./pg"
      })
  void requireKnowsOnlyOurModules(String module) {
    assertThat(
            lua.eval(
                "local ok, err = pcall(require, '"
                    + module
                    + "') return tostring(ok) .. ' ' .. err"))
        .isEqualTo("false module '" + module + "' not found");
  }

  @Test
  void requireReturnsTheStandardLibraries() {
    assertThat(
            lua.eval("return tostring(require('string') == string and require('table') == table)"))
        .isEqualTo("true");
  }

  @Test
  void aBundleWithModulesInPackagePreloadRuns() throws Exception {
    String bundle;
    try (var in = LuaSandboxTest.class.getResourceAsStream("/bundles/amalg_bundle.lua")) {
      bundle = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    lua.run(bundle);
    assertThat(lua.printed()).isEqualTo("hello, world (greet)\ntrue\ttrue\ntrue\n");
  }

  @Test
  void requireConsultsPreloadBeforeTheNodesModules() {
    assertThat(
            lua.eval(
                """
        package.preload["string"] = function() return "never: already loaded" end
        package.preload["x"] = function(name, extra) return name .. " " .. extra end
        return require("x") .. " " .. tostring(require("string") == string)
        """))
        .isEqualTo("x :preload: true");
  }

  @Test
  void binaryChunksAreRefused() {
    String result =
        lua.eval(
            """
        local f, err = load("\\27Lua\\82\\0\\1\\4\\4\\4\\8\\0\\25\\147\\13\\10\\26\\10")
        return tostring(f) .. ' ' .. tostring(err)
        """);
    assertThat(result).startsWith("nil ");
  }

  @Test
  void sourceChunksStillLoad() {
    assertThat(lua.eval("return load('return 1 + 2')()")).isEqualTo("3");
  }

  @Test
  void noJavaClassCanBeReached() {
    // LuaJ's luajava and its class-loading require are the only bridges; both are gone, and no
    // library function returns a Java object.
    assertThat(
            lua.eval(
                """
        local found = {}
        for _, lib in ipairs({_G, string, table, math, os, coroutine, bit32, package}) do
          for k, v in pairs(lib) do
            if type(v) == 'userdata' then found[#found + 1] = k end
          end
        end
        return #found
        """))
        .isEqualTo("0");
  }

  @Test
  void oneScriptCannotChangeAnothersStringMethods() {
    lua.run("string.upper = function() return 'PWNED' end");
    LuaFixture other = new LuaFixture();
    assertThat(other.eval("return ('hello'):upper()")).isEqualTo("HELLO");
    assertThat(lua.eval("return ('hello'):upper()")).isEqualTo("HELLO");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "getmetatable('').__index.upper = function() return 'PWNED' end",
        "rawset(getmetatable('').__index, 'upper', function() return 'PWNED' end)",
        "getmetatable('').__index = {upper = function() return 'PWNED' end}",
        "rawset(getmetatable(''), '__index', {})",
        "setmetatable(getmetatable(''), {})",
        "table.insert(getmetatable('').__index, 'x')",
      })
  void theSharedStringMetatableIsReadOnly(String attack) {
    assertThatThrownBy(() -> lua.run(attack))
        .isInstanceOf(LuaError.class)
        .hasMessageContaining("read-only");
    assertThat(new LuaFixture().eval("return ('hello'):upper()")).isEqualTo("HELLO");
  }

  @Test
  void theErrorsTableIsReadOnly() {
    assertThatThrownBy(() -> lua.run("errors.INVALID = 'x'"))
        .isInstanceOf(LuaError.class)
        .hasMessageContaining("read-only");
  }

  @Test
  void globalsAreNotShared() {
    lua.run("shared_value = 1; table.custom = true");
    assertThat(new LuaFixture().eval("return tostring(shared_value) .. tostring(table.custom)"))
        .isEqualTo("nilnil");
  }

  @Test
  void stringRepCannotExhaustTheSharedHeap() {
    assertThat(lua.eval("return select(2, pcall(string.rep, 'x', 2^30))"))
        .contains("resulting string too large");
    assertThat(lua.eval("return #('ab'):rep(3)")).isEqualTo("6");
  }

  @Test
  void collectgarbageCollectsAbandonedCoroutinesAndCounts() {
    // 1,000 suspended coroutines abandoned: alive (each holds a thread) until a collection.
    assertThat(
            lua.eval(
                """
        local function abandon()
          for i = 1, 1000 do
            local c = coroutine.create(function() coroutine.yield() end)
            coroutine.resume(c)
          end
        end
        abandon()
        local r = collectgarbage()
        abandon() -- at most 1,000 alive: only works if the first ones were collected
        local kb, bytes = collectgarbage("count")
        return r .. " " .. tostring(kb > 0 and bytes >= 0 and bytes < 1024) .. " "
            .. tostring(collectgarbage("isrunning")) .. " " .. collectgarbage("setpause", 100)
        """))
        .isEqualTo("0 true true 0");
    assertThat(lua.eval("return select(2, pcall(collectgarbage, 'nonsense'))"))
        .contains("invalid option 'nonsense'");
  }
}
