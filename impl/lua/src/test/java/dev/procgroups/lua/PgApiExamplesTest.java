package dev.procgroups.lua;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every code block of pg-api.txt, verbatim, run as a real Lua script on one node, followed by
 * checks of what it left in its variables. Blocks that wait for an event get a helper process that
 * joins "workers" while they wait.
 */
class PgApiExamplesTest {

  private static final String OPEN_BLOCK =
      """
      local group, err = pg.open("app:pg")
      if err then
          return nil, err
      end
      """;

  /** Spawned by the monitor/events examples: joins "workers" once told to, then stays. */
  private static final String JOINER =
      """
      local go = process.listen("go")
      local parent = ...
      process.send(parent, "listening")
      go:receive()
      local g = require("pg").open("app:pg")
      assert(g:join("workers"))
      process.listen("never"):receive()
      """;

  private final LuaNodeFixture node = new LuaNodeFixture().script("joiner", JOINER);

  @AfterEach
  void close() {
    node.close();
  }

  private String run(String script) throws InterruptedException {
    LuaRunResult result = node.run(script);
    assertThat(result.error()).isEmpty();
    assertThat(result.status()).isEqualTo(LuaRunResult.Status.OK);
    return result.output();
  }

  @Test
  void loading() throws InterruptedException {
    assertThat(
            run(
                """
        local pg = require("pg")
        print(type(pg), type(pg.open))
        """))
        .isEqualTo("table\tfunction\n");
  }

  @Test
  void openingAScope() throws InterruptedException {
    assertThat(
            run(
                "local pg = require('pg')\n"
                    + OPEN_BLOCK
                    + """
        print(type(group), err)
        local missing, err2 = pg.open("app:nothing")
        print(missing, err2:kind())
        """))
        .isEqualTo("userdata\tnil\nnil\tNotFound\n");
  }

  @Test
  void joiningAndLeaving() throws InterruptedException {
    assertThat(
            run(
                "local pg = require('pg')\n"
                    + OPEN_BLOCK
                    + """
        local ok, err = group:join("workers")           -- single group
        local ok, err = group:join({"workers", "all"})  -- batch
        local ok, err = group:leave("workers")
        print(ok, err, #group:get_members("workers"), #group:get_members("all"))
        """))
        .isEqualTo("true\tnil\t1\t1\n");
  }

  @Test
  void listingMembers() throws InterruptedException {
    assertThat(
            run(
                "local pg = require('pg')\n"
                    + OPEN_BLOCK
                    + """
        group:join("workers")
        group:join("workers")
        local members, err = group:get_members("workers")        -- all nodes
        local local_members, err = group:get_local_members("workers")  -- this node only
        print(#members, members[1] == process.pid(), #local_members, err)
        print(#group:get_members("unknown"))
        """))
        .isEqualTo("2\ttrue\t2\tnil\n0\n");
  }

  @Test
  void listingGroups() throws InterruptedException {
    assertThat(
            run(
                "local pg = require('pg')\n"
                    + OPEN_BLOCK
                    + """
        group:join({"workers", "all"})
        local groups, err = group:which_groups()         -- all groups in the cluster
        local local_groups, err = group:which_local_groups()  -- groups with a local member
        table.sort(groups)
        print(table.concat(groups, ","), #local_groups, err)
        """))
        .isEqualTo("all,workers\t2\tnil\n");
  }

  @Test
  void broadcasting() throws InterruptedException {
    assertThat(
            run(
                "local pg = require('pg')\n"
                    + OPEN_BLOCK
                    + """
        local tasks = process.listen("task", {message = true})
        group:join("workers")
        local ok, err = group:broadcast("workers", "task", {id = 42})   -- all nodes
        local ok, err = group:broadcast_local("workers", "task", {id = 42})  -- this node only
        local a, b = tasks:receive(), tasks:receive()
        print(ok, err, a:payload().id, b:payload().id, a:from() == process.pid(), a:topic())
        """))
        .isEqualTo("true\tnil\t42\t42\ttrue\ttask\n");
  }

  @Test
  void monitoringAGroup() throws InterruptedException {
    assertThat(
            run(
                "local pg = require('pg')\n"
                    + OPEN_BLOCK
                    + """
        local listening = process.listen("listening")
        local joiner = process.spawn("joiner", process.pid())
        listening:receive()
        group:join("workers")
        """
                    + """
        local sub, members, err = group:monitor("workers")
        if err then
            return nil, err
        end

        for _, pid in ipairs(members) do
            -- current members at subscription time
        end
        """
                    + """
        process.send(joiner, "go")
        """
                    + """
        local ch = sub:channel()
        local event = ch:receive()  -- {kind = "member.joined" | "member.left", path = "workers", data = {...}}

        sub:close()  -- unsubscribe; sub:close({flush = true}) drains queued events first
        """
                    + """
        print(#members, members[1] == process.pid(), event.system, event.kind, event.path)
        print(event.data.Group, event.data.PIDs[1] == joiner, #event.data.PIDs)
        print(ch:receive())
        """))
        .isEqualTo("1\ttrue\tpg\tmember.joined\tworkers\nworkers\ttrue\t1\nnil\tfalse\n");
  }

  @Test
  void watchingAllGroups() throws InterruptedException {
    assertThat(
            run(
                "local pg = require('pg')\n"
                    + OPEN_BLOCK
                    + """
        local listening = process.listen("listening")
        local joiner = process.spawn("joiner", process.pid())
        listening:receive()
        group:join({"workers", "all"})
        """
                    + """
        local sub, snapshot, err = group:events()
        -- snapshot: { ["workers"] = {pid, ...}, ["all"] = {pid, ...} }
        """
                    + """
        process.send(joiner, "go")
        """
                    + """
        local event = sub:channel():receive()
        sub:close()
        """
                    + """
        print(#snapshot.workers, #snapshot.all, snapshot.all[1] == process.pid(), err)
        print(event.kind, event.path, event.data.PIDs[1] == joiner)
        """))
        .isEqualTo("1\t1\ttrue\tnil\nmember.joined\tworkers\ttrue\n");
  }

  @Test
  void releasing() throws InterruptedException {
    assertThat(
            run(
                "local pg = require('pg')\n"
                    + OPEN_BLOCK
                    + """
        group:join("workers")
        group:release()
        """
                    + """
        local ok, err = group:join("workers")
        local members, err2 = group:get_members("workers")
        local sub, snap, err3 = group:monitor("workers")
        print(ok, err:kind(), err:message(), members, err2:kind(), sub, snap, err3:kind())
        print(group:release(), #pg.open("app:pg"):get_members("workers"))
        """))
        .isEqualTo("nil\tInvalid\tinstance released\tnil\tInvalid\tnil\tnil\tInvalid\ntrue\t1\n");
  }
}
