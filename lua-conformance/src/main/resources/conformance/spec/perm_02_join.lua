-- conformance: perm_02_join
-- tags: spec
-- nodes: 1
-- needs: core policy
-- covers: perm:pg.join
-- deny: pg.join secret
-- describe: Permissions row "pg.join | join() | group name".
local t = require("harness")
local rows = require("helpers.rows")
local g = assert(require("pg").open("app:pg"))
rows.denied("join of a denied group", g:join("secret"))
t.eq(g:which_local_groups(), {}, "nothing was joined")
t.eq(g:join("public"), true, "joining another group is allowed")
t.done()
