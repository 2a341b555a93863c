package dev.procgroups.lua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.lua.api.LuaObserver;
import dev.procgroups.pg.ErrorKind;
import dev.procgroups.pg.PgException;
import dev.procgroups.process.Pid;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The script-check hooks: calls, ignored errors, subscriptions left open. */
class LuaObserverTest {

  private final LuaNodeFixture node = new LuaNodeFixture();
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final LuaObserver observer =
      new LuaObserver() {
        @Override
        public void pgCall(Pid process, String method, PgException error) {
          seen.add("call " + method + (error == null ? "" : " " + error.kind().luaName()));
        }

        @Override
        public void errorsIgnored(
            Pid process, String method, ErrorKind kind, String message, long count) {
          seen.add(
              "ignored "
                  + method
                  + " "
                  + kind.luaName()
                  + (message.contains("never-joined") ? " (named)" : "")
                  + " x"
                  + count);
        }

        @Override
        public void subscriptionsNotClosed(Pid process, String method, long count) {
          seen.add("open " + method + " x" + count);
        }
      };

  @AfterEach
  void close() {
    node.close();
  }

  @Test
  void countsBeyondAnyLimitExactly() throws InterruptedException {
    LuaRunResult result =
        LuaScripts.run(
            new LuaScript(
                "main.lua",
                """
        local g = require("pg").open("app:pg")
        for i = 1, 3000 do g:leave("never-joined") end  -- 3000 ignored
        for i = 1, 500 do local _, err = g:leave("x") tostring(err) end -- looked at
        for i = 1, 2500 do g:monitor("w" .. i) end       -- 2500 never closed
        for i = 1, 100 do g:events():close() end          -- closed
        """),
            node.builder().observer(observer),
            Duration.ofSeconds(60),
            null);
    assertThat(result.status()).isEqualTo(LuaRunResult.Status.OK);
    assertThat(seen)
        .contains("ignored leave Invalid (named) x3000", "open monitor x2500")
        .filteredOn(s -> s.startsWith("ignored") || s.startsWith("open"))
        .hasSize(2);
  }

  @Test
  void reportsIgnoredErrorsAndOpenSubscriptions() throws InterruptedException {
    LuaRunResult result =
        LuaScripts.run(
            new LuaScript(
                "main.lua",
                """
        local g = require("pg").open("app:pg")
        g:leave("never-joined")                 -- error ignored
        local ok, err = g:join("")              -- error looked at
        assert(errors.is(err, errors.INVALID))
        local kept = g:monitor("workers")       -- never closed
        local closed = g:events()
        closed:close()
        """),
            node.builder().observer(observer),
            Duration.ofSeconds(10),
            null);
    assertThat(result.status()).isEqualTo(LuaRunResult.Status.OK);
    assertThat(seen)
        .containsExactly(
            "call open",
            "call leave Invalid",
            "call join Invalid",
            "call monitor",
            "call events",
            "ignored leave Invalid (named) x1",
            "open monitor x1");
  }
}
