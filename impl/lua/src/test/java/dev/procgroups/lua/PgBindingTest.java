package dev.procgroups.lua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.registry.RegistryException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pg module's results and errors (SEMANTICS.md, Results and errors; DECISIONS.md). */
class PgBindingTest {

  private LuaNodeFixture node = new LuaNodeFixture();

  @AfterEach
  void close() {
    node.close();
  }

  private String run(String script) throws InterruptedException {
    LuaRunResult result =
        node.run("local pg = require('pg')\nlocal g = assert(pg.open('app:pg'))\n" + script);
    assertThat(result.error()).isEmpty();
    return result.output();
  }

  @Test
  void messagesNameTheArgumentAndItsLuaType() throws InterruptedException {
    assertThat(
            run(
                """
        local function msg(_, err) return err:message() end
        print(msg(g:join(42)))
        print(msg(g:join({"x", "y", 3})))
        print(msg(g:leave(true)))
        print(msg(g:get_members(print)))
        print(msg(g:broadcast("grp", {})))
        print(msg(g:join({"x", {"nested"}})))
        print(msg(g:join(coroutine.create(print))))
        print(select(2, pg.open(1.5)):message())
        g:release()
        print(msg(g:join(42)))
        """))
        .isEqualTo(
            """
        group: must be a string, got number
        group[3]: must be a string, got number
        group: must be a string, got boolean
        group: must be a string, got function
        topic: must be a string, got table
        group[2]: must be a string, got table
        group: must be a string, got thread
        id: must be a string, got number
        instance released
        """);
  }

  @Test
  void badInputNeverRaisesAndGivesInvalid() throws InterruptedException {
    String out =
        run(
            """
        local bad = {nil, 42, true, {}, {1}, {"a", 2}, {"a", ""}, "", string.rep("x", 1025), print,
                     {x = "y"}, {{"nested"}}}
        local results = {}
        local function check(name, ...)
          local n = select("#", ...)
          local err = select(n, ...)
          local first = ...
          results[#results + 1] = name .. "=" .. tostring(first == nil) .. ":" .. tostring(errors.is(err, errors.INVALID))
        end
        for i = 1, 12 do
          local v = bad[i]
          check("join", g:join(v))
          check("leave", g:leave(v))
          check("get_members", g:get_members(v))
          check("get_local_members", g:get_local_members(v))
          check("broadcast", g:broadcast(v, "t"))
          check("broadcast_topic", g:broadcast("grp", v))
          check("broadcast_local", g:broadcast_local(v, "t"))
          local sub, members, err = g:monitor(v)
          results[#results + 1] = "monitor=" .. tostring(sub == nil and members == nil) .. ":" .. tostring(errors.is(err, errors.INVALID))
        end
        local ok, err = pcall(pg.open, 42)
        results[#results + 1] = "open=" .. tostring(ok) .. ":" .. tostring(errors.is(select(2, pg.open(42)), errors.INVALID))
        local dotted, derr = g.join("workers")
        results[#results + 1] = "dot=" .. tostring(dotted == nil) .. ":" .. tostring(errors.is(derr, errors.INVALID))
        local failed = {}
        for _, r in ipairs(results) do
          if not r:find("=true:true$") then failed[#failed + 1] = r end
        end
        print(#results, #failed, table.concat(failed, " "))
        print(#g:which_groups())
        """);
    assertThat(out).isEqualTo("98\t0\t\n0\n");
  }

  @Test
  void batchesAreAllOrNothing() throws InterruptedException {
    assertThat(
            run(
                """
        local ok, err = g:join({"a", "b", 7})
        print(ok, err:kind(), #g:which_groups())
        print(g:join({"a", "b", "a"}), #g:get_members("a"), #g:get_members("b"))
        print(g:leave({"a", "a", "a", "zzz"}), #g:get_members("a"))
        local ok2, err2 = g:leave("zzz")
        print(ok2, err2:kind(), err2:message():find("zzz") ~= nil)
        """))
        .isEqualTo("nil\tInvalid\t0\ntrue\t2\t1\ntrue\t0\nnil\tInvalid\ttrue\n");
  }

  @Test
  void permissionDeniedAndNotFound() throws InterruptedException {
    node.close();
    node =
        new LuaNodeFixture(
            (pid, action, resource) ->
                !(action.equals("pg.join") && resource.equals("secret"))
                    && !(action.equals("pg.open") && resource.equals("app:closed")));
    assertThat(
            run(
                """
        local ok, err = g:join({"open", "secret"})
        print(ok, err:kind(), #g:which_groups(), err:retryable())
        local h, err2 = pg.open("app:closed")
        print(h, err2:kind())
        local h2, err3 = pg.open("app:missing")
        print(h2, err3:kind())
        local h3, err4 = pg.open("no-colon")
        print(h3, err4:kind())
        """))
        .isEqualTo(
            "nil\tPermissionDenied\t0\tfalse\nnil\tPermissionDenied\nnil\tNotFound\nnil\tInvalid\n");
  }

  @Test
  void broadcastPayloadErrorsComeAfterEarlierChecks() throws InterruptedException {
    assertThat(
            run(
                """
        local ok, err = g:broadcast("grp", "t", print)
        print(ok, err:kind(), err:message())
        local ok2, err2 = g:broadcast("", "t", print)
        print(ok2, err2:kind(), err2:message():match("^group") ~= nil)
        g:release()
        local ok3, err3 = g:broadcast("grp", "t", print)
        print(ok3, err3:message())
        """))
        .isEqualTo(
            "nil\tInvalid\tpayload: cannot copy a function\n"
                + "nil\tInvalid\ttrue\nnil\tinstance released\n");
  }

  @Test
  void subscriptionBufferDropsAndCounts() throws InterruptedException, RegistryException {
    node.registry.registerScope("app:small", Map.of("monitor_buffer", 2));
    assertThat(
            run(
                """
        local s = assert(pg.open("app:small"))
        local sub, members, err = s:monitor("w")
        for i = 1, 5 do s:join("w") end
        print(#members, sub:dropped())
        local ch = sub:channel()
        print(ch:receive().kind, ch:receive().kind)
        print(sub:close({flush = true}), sub:close(), ch:receive())
        local sub2 = s:monitor("w")
        s:leave("w")
        sub2:close()
        local e, ok = sub2:channel():receive()
        print(e.kind, ok, sub2:channel():receive())
        local sub3 = s:monitor("w")
        s:leave("w")
        sub3:close({flush = true})
        print(sub3:channel():receive())
        """))
        .isEqualTo(
            "0\t3\nmember.joined\tmember.joined\ntrue\ttrue\tnil\tfalse\n"
                + "member.left\ttrue\tnil\tfalse\nnil\tfalse\n");
  }

  @Test
  void exitOfAProcessRemovesItsSlots() throws InterruptedException {
    node.script(
        "member",
        """
        local g = require("pg").open("app:pg")
        g:join("workers")
        g:join("workers")
        g:join("managers")
        """);
    assertThat(
            run(
                """
        local sub, members = g:monitor("workers")
        local pid = process.spawn("member")
        local ch = sub:channel()
        local first, second, third = ch:receive(), ch:receive(), ch:receive()
        print(first.kind, second.kind, third.kind, #third.data.PIDs, third.data.PIDs[1] == pid)
        print(#g:get_members("workers"), #g:get_members("managers"))
        """))
        .isEqualTo("member.joined\tmember.joined\tmember.left\t2\ttrue\n0\t0\n");
  }

  @Test
  void eventsSnapshotAndNilNilErr() throws InterruptedException {
    assertThat(
            run(
                """
        g:join({"a", "b", "b"})
        local sub, snapshot, err = g:events()
        print(#snapshot.a, #snapshot.b, err)
        g:release()
        print(g:events())
        """))
        .matches("1\t2\tnil\nnil\tnil\tinstance released\n");
  }

  @Test
  void scopeLimitIsRateLimited() throws InterruptedException, RegistryException {
    node.registry.registerScope("app:limited", Map.of("max_members_per_group", 1));
    assertThat(
            run(
                """
        local s = assert(pg.open("app:limited"))
        print(s:join("w"))
        local ok, err = s:join("w")
        print(ok, err:kind(), err:retryable())
        """))
        .isEqualTo("true\nnil\tRateLimited\ttrue\n");
  }
}
