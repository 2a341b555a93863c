-- conformance: perm_05_get_local_members
-- tags: spec
-- nodes: 1
-- needs: core policy
-- covers: perm:pg.get_local_members
-- deny: pg.get_local_members secret
-- describe: Permissions row "pg.get_local_members | get_local_members() | group name".
local t = require("harness")
local rows = require("helpers.rows")
local g = assert(require("pg").open("app:pg"))
rows.denied("get_local_members of a denied group", g:get_local_members("secret"))
t.eq(g:get_local_members("public"), {}, "another group can be read")
t.eq(g:get_members("secret"), {}, "get_members is a different permission")
t.done()
