-- conformance: perm_08_broadcast
-- tags: spec
-- nodes: 1
-- needs: core policy
-- covers: perm:pg.broadcast
-- deny: pg.broadcast secret
-- describe: Permissions row "pg.broadcast | broadcast() | group name".
local t = require("harness")
local rows = require("helpers.rows")
local g = assert(require("pg").open("app:pg"))
local inbox = process.listen("note")
assert(g:join("secret"))
rows.denied("broadcast to a denied group", g:broadcast("secret", "note", 1))
t.nothing(inbox, 200, "the denied broadcast delivered nothing")
t.eq(g:broadcast_local("secret", "note", 2), true, "broadcast_local is a different permission")
t.eq(t.receive(inbox, 5000, "the local broadcast arrived"), 2, "with its payload")
t.done()
