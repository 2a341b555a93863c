package dev.procgroups.lua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.process.Message;
import dev.procgroups.process.Pid;
import dev.procgroups.process.ProcessRuntime;
import dev.procgroups.process.RunningProcess;
import dev.procgroups.security.SecurityPolicy;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lua scripts as processes: the process and channel modules, spawning, killing, failing. */
class LuaProcessTest {

  private final LuaNodeFixture node = new LuaNodeFixture();

  @AfterEach
  void close() {
    node.close();
  }

  private String output(String source) throws InterruptedException {
    LuaRunResult result = node.run(source);
    assertThat(result.error()).isEmpty();
    assertThat(result.status()).isEqualTo(LuaRunResult.Status.OK);
    return result.output();
  }

  @Test
  void pidIsThisProcesssPidString() throws InterruptedException {
    String pid = output("print(process.pid())").trim();
    assertThat(Pid.isPid(pid)).isTrue();
    assertThat(Pid.parse(pid).node()).isEqualTo("n1");
  }

  @Test
  void spawnedProcessesExchangeMessages() throws InterruptedException {
    node.script(
        "echo",
        """
        local parent = ...
        local ch = process.listen("ping")
        process.send(parent, "ready") -- messages sent before listen go to the inbox
        local n = ch:receive()
        process.send(parent, "pong", {n = n + 1, from = process.pid()})
        """);
    String out =
        output(
            """
        local replies = process.listen("pong")
        local ready = process.listen("ready")
        local child, err = process.spawn("echo", process.pid())
        assert(child, tostring(err))
        ready:receive()
        assert(process.send(child, "ping", 41))
        local reply, ok = replies:receive()
        print(reply.n, ok, reply.from == child)
        """);
    assertThat(out).isEqualTo("42\ttrue\ttrue\n");
  }

  @Test
  void payloadPackingAndMessages() throws InterruptedException {
    String out =
        output(
            """
        local me = process.pid()
        local plain = process.listen("plain")
        local full = process.listen("full", {message = true})
        process.send(me, "plain")
        process.send(me, "plain", "one")
        process.send(me, "plain", 1, "two", {3})
        process.send(me, "full", {k = "v"})
        local a = plain:receive()
        local b = plain:receive()
        local c = plain:receive()
        local m = full:receive()
        print(tostring(a), b, c[1], c[2], c[3][1], #c)
        print(m:from() == me, m:topic(), m:payload().k)
        """);
    assertThat(out).isEqualTo("nil\tone\t1\ttwo\t3\t3\ntrue\tfull\tv\n");
  }

  @Test
  void badSendsReturnInvalidErrors() throws InterruptedException {
    String out =
        output(
            """
        local ok, err = process.send("not a pid", "t", 1)
        print(ok, err:kind())
        ok, err = process.send(process.pid(), "", 1)
        print(ok, err:kind())
        ok, err = process.send(process.pid(), "t", print)
        print(ok, err:kind(), err:message())
        local pid, err2 = process.spawn("no-such-script")
        print(pid, err2:kind())
        """);
    assertThat(out)
        .isEqualTo(
            "nil\tInvalid\nnil\tInvalid\nnil\tInvalid\tpayload: cannot copy a function\n"
                + "nil\tNotFound\n");
  }

  @Test
  void aSendToAFullLocalMailboxIsUnavailable() throws InterruptedException {
    try (LuaNodeFixture small = new LuaNodeFixture(SecurityPolicy.allowAll(), 2)) {
      LuaRunResult result =
          small.run(
              """
          local me = process.pid()
          local ch = process.listen("t")
          print(process.send(me, "t", 1), process.send(me, "t", 2))
          local ok, err = process.send(me, "t", 3)
          print(ok, err:kind(), err:retryable())
          print(ch:receive(), process.send(me, "t", 4))
          """);
      assertThat(result.error()).isEmpty();
      assertThat(result.output()).isEqualTo("true\ttrue\nnil\tUnavailable\ttrue\n1\ttrue\n");
      assertThat(small.runtime.droppedMessages()).isEqualTo(1);
    }
  }

  @Test
  void aBroadcastToAFullMailboxIsDroppedAndCountedAndStillReturnsTrue()
      throws InterruptedException {
    try (LuaNodeFixture small = new LuaNodeFixture(SecurityPolicy.allowAll(), 2)) {
      LuaRunResult result =
          small.run(
              """
          local g = assert(require('pg').open('app:pg'))
          local ch = process.listen("t")
          g:join({"grp", "grp"}) -- two slots: each broadcast fills two places of this mailbox
          print(g:broadcast("grp", "t", 1), g:broadcast("grp", "t", 2))
          print(ch:receive(), ch:receive(), ch:receive(10))
          """);
      assertThat(result.error()).isEmpty();
      assertThat(result.output())
          .as("the second broadcast returns true though it was dropped")
          .isEqualTo("true\ttrue\n1\t1\tnil\tfalse\ttimeout\n");
      assertThat(small.runtime.droppedMessages()).isEqualTo(2);
    }
  }

  @Test
  void largePayloadsFillAMailboxByBytes() throws InterruptedException {
    long threeBig = 3 * (1 + 3 + 512 * 1024 + Message.OVERHEAD_BYTES); // encoded 512 KiB + overhead
    try (LuaNodeFixture small =
        new LuaNodeFixture(
            SecurityPolicy.allowAll(), ProcessRuntime.builder("n1").mailboxBytes(threeBig))) {
      LuaRunResult result =
          small.run(
              """
          local g = assert(require('pg').open('app:pg'))
          local ch = process.listen("t")
          local big = string.rep("x", 512 * 1024)
          g:join({"grp"})
          local all = true
          for i = 1, 10 do all = all and g:broadcast("grp", "t", big) end
          local ok, err = process.send(process.pid(), "t", big)
          print(all, ok, err:kind())
          local n = 0
          while select(2, ch:receive(10)) do n = n + 1 end
          print(n, process.send(process.pid(), "t", big))
          """);
      assertThat(result.error()).isEmpty();
      assertThat(result.output())
          .as("three fit; broadcasts still return true")
          .isEqualTo("true\tnil\tUnavailable\n3\ttrue\n");
      assertThat(small.runtime.droppedMessages()).isEqualTo(8);
    }
  }

  @Test
  void receiveTimesOutAndClosedChannelsReport() throws InterruptedException {
    String out =
        output(
            """
        local ch = process.listen("never")
        print(ch:receive(20))
        local c = channel.new()
        c:send("x")
        c:close()
        print(c:receive())
        print(c:receive())
        """);
    assertThat(out).isEqualTo("nil\tfalse\ttimeout\nx\ttrue\nnil\tfalse\n");
  }

  @Test
  void selectPicksTheReadyCaseOrTimesOut() throws InterruptedException {
    String out =
        output(
            """
        local a, b = channel.new(), channel.new(1)
        b:send("from b")
        local r = channel.select({a:case_receive(), b:case_receive()})
        print(r.channel == b, r.value, r.ok, r.index)
        print(channel.select({a:case_receive()}, 10))
        print(channel.select({a:case_receive()}, 0))
        local s = channel.select({b:case_send("again")})
        print(s.channel == b, s.ok, b:receive())
        """);
    assertThat(out)
        .isEqualTo("true\tfrom b\ttrue\t2\nnil\ttimeout\nnil\ttimeout\ntrue\ttrue\tagain\ttrue\n");
  }

  @Test
  void coroutinesUseTheirProcess() throws InterruptedException {
    String out =
        output(
            """
        local me = process.pid()
        local inbox = process.listen("t")
        local co = coroutine.wrap(function()
          process.send(process.pid(), "t", "from coroutine")
          return process.pid() == me
        end)
        print(co(), inbox:receive())
        """);
    assertThat(out).isEqualTo("true\tfrom coroutine\ttrue\n");
  }

  @Test
  void scriptErrorsFailTheProcess() throws InterruptedException {
    LuaRunResult raised = node.run("local x = nil\nerror('broken')");
    assertThat(raised.status()).isEqualTo(LuaRunResult.Status.FAILED);
    assertThat(raised.error()).contains("main.lua:2: broken");
    LuaRunResult returned = node.run("return nil, errors.new(errors.NOT_FOUND, 'no such thing')");
    assertThat(returned.status()).isEqualTo(LuaRunResult.Status.FAILED);
    assertThat(returned.error()).contains("main.lua: returned nil, no such thing");
    LuaRunResult syntax = node.run("this is not lua");
    assertThat(syntax.status()).isEqualTo(LuaRunResult.Status.FAILED);
    assertThat(node.run("return true").status()).isEqualTo(LuaRunResult.Status.OK);
  }

  @Test
  void blockedAndBusyProcessesCanBeKilled() throws InterruptedException {
    LuaNode lua = node.builder().build();
    RunningProcess blocked =
        lua.spawn(new LuaScript("blocked", "process.listen('never'):receive()"));
    RunningProcess sleeping = lua.spawn(new LuaScript("sleeping", "require('time').sleep(60000)"));
    RunningProcess busy = lua.spawn(new LuaScript("busy", "while true do end"));
    Thread.sleep(100);
    for (RunningProcess p : new RunningProcess[] {blocked, sleeping, busy}) {
      assertThat(p.alive()).isTrue();
      p.kill();
      assertThat(p.awaitExit(Duration.ofSeconds(5))).isTrue();
      assertThat(p.exitReason()).contains(dev.procgroups.process.ExitReason.KILLED);
    }
  }

  @Test
  void aProcessBlockedInsideACoroutineCanBeKilled() throws InterruptedException {
    LuaNode lua = node.builder().build();
    RunningProcess p =
        lua.spawn(
            new LuaScript(
                "co",
                """
        local ch = channel.new()
        coroutine.wrap(function() ch:receive() end)()
        """));
    Thread.sleep(100);
    assertThat(p.alive()).isTrue();
    p.kill();
    assertThat(p.awaitExit(Duration.ofSeconds(5))).isTrue();
    assertThat(p.exitReason()).contains(dev.procgroups.process.ExitReason.KILLED);
  }

  @Test
  void linesOfConcurrentProcessesNeverInterleave() throws InterruptedException {
    node.script(
        "printer",
        """
        local parent, tag = ...
        for i = 1, 300 do print(tag, i, string.rep(tag, 40)) end
        process.send(parent, "done")
        """);
    String out =
        output(
            """
        local done = process.listen("done")
        for _, tag in ipairs({"a", "b", "c"}) do process.spawn("printer", process.pid(), tag) end
        for _ = 1, 3 do done:receive() end
        """);
    String[] lines = out.split("\n");
    assertThat(lines).hasSize(900);
    assertThat(lines).allMatch(l -> l.matches("([abc])\t\\d+\t\\1{40}"));
  }

  @Test
  void processKillFromLua() throws InterruptedException {
    node.script("forever", "process.listen('never'):receive()");
    String out =
        output(
            """
        local pid = process.spawn("forever")
        print(process.kill(pid), process.kill("nonsense"))
        """);
    assertThat(out).isEqualTo("true\tfalse\n");
  }

  @Test
  void requireFindsLuaModulesOnTheModulePath() throws InterruptedException {
    LuaRunResult result =
        LuaScripts.run(
            new LuaScript(
                "main.lua",
                """
        local util = require("lib.util")
        print(util.double(21), require("lib.util") == util, util.name)
        print(pcall(require, "lib.missing"))
        """),
            node.builder()
                .modulePath(
                    ScriptLibrary.of(
                        java.util.Map.of(
                            "lib/util.lua",
                            """
            local name = ...
            return {double = function(x) return 2 * x end, name = name}
            """))),
            Duration.ofSeconds(10),
            null);
    assertThat(result.output())
        .isEqualTo("42\ttrue\tlib.util\nfalse\tmodule 'lib.missing' not found\n");
  }

  @Test
  void scriptsReceiveArguments() throws InterruptedException {
    LuaNode lua = node.builder().output(System.out).build();
    RunningProcess p =
        lua.spawn(
            new LuaScript("args", "local a, b = ... assert(a == 1 and b.x == 'y')"),
            1L,
            java.util.Map.of("x", "y"));
    assertThat(p.awaitExit(Duration.ofSeconds(5))).isTrue();
    assertThat(p.exitReason()).contains(dev.procgroups.process.ExitReason.NORMAL);
  }
}
