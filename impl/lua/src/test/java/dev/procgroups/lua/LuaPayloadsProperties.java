package dev.procgroups.lua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.lua.api.LuaPayloads;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Payload values survive the trip into Lua and back unchanged. Generated values are those the
 * conversion promises to keep: longs within ±2^53, non-integral finite doubles, strings, booleans,
 * lists, and non-empty string-keyed maps (an empty table comes back as an empty list).
 */
class LuaPayloadsProperties {

  private static final long EXACT = 1L << 53;

  @Property(tries = 300)
  void javaToLuaToJavaIsIdentity(@ForAll("payloads") Object payload) {
    assertThat(LuaPayloads.toJava(LuaPayloads.toLua(payload))).isEqualTo(payload);
  }

  @Property(tries = 200)
  void survivesAScriptCopyingTheTable(@ForAll("payloads") Object payload) {
    LuaFixture lua = new LuaFixture();
    lua.globals.rawset("input", LuaPayloads.toLua(payload));
    Object copied =
        LuaPayloads.toJava(
            lua.run(
                    """
        local function copy(v)
          if type(v) ~= 'table' then return v end
          local t = {}
          for k, x in pairs(v) do t[k] = copy(x) end
          return t
        end
        return copy(input)
        """)
                .arg1());
    assertThat(copied).isEqualTo(payload);
  }

  @Provide
  Arbitrary<Object> payloads() {
    return Arbitraries.recursive(
        this::scalar, inner -> Arbitraries.oneOf(inner, list(inner), map(inner)), 0, 4);
  }

  private Arbitrary<Object> scalar() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(-EXACT, EXACT).map(n -> (Object) n),
        Arbitraries.doubles()
            .between(-1e300, 1e300)
            .filter(d -> d != Math.rint(d))
            .map(d -> (Object) d),
        Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
        Arbitraries.of(true, false).map(b -> (Object) b));
  }

  private Arbitrary<Object> list(Arbitrary<Object> elements) {
    return elements.list().ofMaxSize(4).map(l -> (Object) List.copyOf(l));
  }

  private Arbitrary<Object> map(Arbitrary<Object> values) {
    return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6), values)
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(m -> (Object) Map.copyOf(m));
  }
}
