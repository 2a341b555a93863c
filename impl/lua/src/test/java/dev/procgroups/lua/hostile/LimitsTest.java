package dev.procgroups.lua.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.lua.LuaRunResult;
import dev.procgroups.lua.LuaScript;
import dev.procgroups.process.RunningProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 7, limits, as a script sees them: each has its documented error kind (DECISIONS.md). */
class LimitsTest {
  private static final String OPEN =
      "local pg = require('pg')\nlocal g = assert(pg.open('app:pg'))\n"
          + "local function kind(ok, err) return tostring(ok) .. ':' .. (err and err:kind() or '') end\n";

  private HostileNode node;

  @AfterEach
  void close() {
    node.close();
  }

  private String run(Map<String, Object> scopeConfig, String script) throws Exception {
    node = new HostileNode(scopeConfig);
    LuaRunResult result = node.runSource(OPEN + script);
    assertThat(result.error()).isEmpty();
    return result.output();
  }

  @Test
  void maxGroupsIsRateLimitedAndChangesNothing() throws Exception {
    assertThat(
            run(
                Map.of("max_groups", 2),
                """
        print(kind(g:join("a")), kind(g:join({"b", "a"})), kind(g:join({"a", "c"})), kind(g:join("d")))
        print(#g:which_groups(), #g:get_members("a"), errors.is(select(2, g:join("e")), errors.RATE_LIMITED))
        """))
        .isEqualTo("true:\ttrue:\tnil:RateLimited\tnil:RateLimited\n2\t2\ttrue\n");
  }

  @Test
  void maxMembersPerGroupIsRateLimited() throws Exception {
    assertThat(
            run(
                Map.of("max_members_per_group", 2),
                """
        print(kind(g:join("a")), kind(g:join("a")), kind(g:join("a")), kind(g:join({"b", "b", "b"})))
        print(#g:get_members("a"), #g:get_members("b"))
        """))
        .isEqualTo("true:\ttrue:\tnil:RateLimited\tnil:RateLimited\n2\t0\n");
  }

  @Test
  void aPayloadOverOneMebibyteIsInvalidAndOneJustUnderIsDelivered() throws Exception {
    // A string of n bytes encodes as a tag, a varint length (3 bytes here) and the bytes; the
    // broadcast's two values travel as a list (tag + count).
    assertThat(
            run(
                Map.of(),
                """
        assert(g:join("big"))
        local inbox = process.listen("t")
        local fits = string.rep("x", 1048576 - 1 - 1 - 1 - 3 - 2)
        print(kind(g:broadcast("big", "t", fits, true)), #inbox:receive()[1])
        local big = {}
        for i = 1, 300000 do big[i] = i end
        local ok, err = g:broadcast("big", "t", big)
        print(ok, err:kind(), err:message():find("payload") ~= nil)
        print(kind(g:broadcast_local("big", "t", fits .. "xx", true)))
        print(kind(process.send(process.pid(), "t", big)))
        """))
        .isEqualTo("true:\t1048568\nnil\tInvalid\ttrue\nnil:Invalid\nnil:Invalid\n");
  }

  @Test
  void aStoppedScopeIsUnavailable() throws Exception {
    node = new HostileNode(Map.of());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RunningProcess process =
        node.builder()
            .output(new PrintStream(out, true, StandardCharsets.UTF_8))
            .build()
            .spawn(
                new LuaScript(
                    "stopped.lua",
                    OPEN
                        + """
            local go = process.listen("go")
            assert(g:join("a"))
            print("opened")
            go:receive()
            print(kind(g:join("b")), kind(g:broadcast("a", "t", 1)), kind(pg.open("app:pg")))
            """));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!out.toString(StandardCharsets.UTF_8).contains("opened")
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    node.pg.stopScope("app:pg");
    node.runtime.send(process.pid(), process.pid(), "go");
    assertThat(process.awaitExit(Duration.ofSeconds(10))).isTrue();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("opened\nnil:Unavailable\tnil:Unavailable\tnil:Unavailable\n");
  }
}
