-- conformance: perm_09_broadcast_local
-- tags: spec
-- nodes: 1
-- needs: core policy
-- covers: perm:pg.broadcast_local
-- deny: pg.broadcast_local secret
-- describe: Permissions row "pg.broadcast_local | broadcast_local() | group name".
local t = require("harness")
local rows = require("helpers.rows")
local g = assert(require("pg").open("app:pg"))
local inbox = process.listen("note")
assert(g:join({ "secret", "public" }))
rows.denied("broadcast_local to a denied group", g:broadcast_local("secret", "note", 1))
t.nothing(inbox, 200, "the denied broadcast delivered nothing")
t.eq(g:broadcast_local("public", "note", 2), true, "another group is allowed")
t.eq(t.receive(inbox, 5000, "the allowed broadcast arrived"), 2, "with its payload")
t.done()
