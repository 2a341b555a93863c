-- conformance: perm_03_leave
-- tags: spec
-- nodes: 1
-- needs: core policy
-- covers: perm:pg.leave
-- deny: pg.leave secret
-- describe: Permissions row "pg.leave | leave() | group name".
local t = require("harness")
local rows = require("helpers.rows")
local g = assert(require("pg").open("app:pg"))
assert(g:join({ "secret", "public" }))
rows.denied("leave of a denied group", g:leave("secret"))
t.eq(g:get_local_members("secret"), { process.pid() }, "the slot is still there")
t.eq(g:leave("public"), true, "leaving another group is allowed")
t.done()
