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
  private final LuaObserver observer = new LuaObserver() {
    @Override
    public void pgCall(Pid process, String method, PgException error) {
      seen.add("call " + method + (error == null ? "" : " " + error.kind().luaName()));
    }

    @Override
    public void errorIgnored(Pid process, String method, ErrorKind kind, String message) {
      seen.add("ignored " + method + " " + kind.luaName() + (message.contains("never-joined") ? " (named)" : ""));
    }

    @Override
    public void subscriptionNotClosed(Pid process, String method) {
      seen.add("open " + method);
    }
  };

  @AfterEach
  void close() {
    node.close();
  }

  @Test
  void reportsIgnoredErrorsAndOpenSubscriptions() throws InterruptedException {
    LuaRunResult result = LuaScripts.run(new LuaScript("main.lua", """
        local g = require("pg").open("app:pg")
        g:leave("never-joined")                 -- error ignored
        local ok, err = g:join("")              -- error looked at
        assert(errors.is(err, errors.INVALID))
        local kept = g:monitor("workers")       -- never closed
        local closed = g:events()
        closed:close()
        """), node.builder().observer(observer), Duration.ofSeconds(10), null);
    assertThat(result.status()).isEqualTo(LuaRunResult.Status.OK);
    assertThat(seen).containsExactly(
        "call open", "call leave Invalid", "call join Invalid", "call monitor", "call events",
        "ignored leave Invalid (named)", "open monitor");
  }
}
