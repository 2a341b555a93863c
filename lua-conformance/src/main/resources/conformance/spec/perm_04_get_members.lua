-- conformance: perm_04_get_members
-- tags: spec
-- nodes: 1
-- needs: core policy
-- covers: perm:pg.get_members
-- deny: pg.get_members secret
-- describe: Permissions row "pg.get_members | get_members() | group name".
local t = require("harness")
local rows = require("helpers.rows")
local g = assert(require("pg").open("app:pg"))
rows.denied("get_members of a denied group", g:get_members("secret"))
t.eq(g:get_members("public"), {}, "another group can be read")
t.done()
