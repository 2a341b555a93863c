-- conformance: perm_11_events
-- tags: spec
-- nodes: 1
-- needs: core policy scopes
-- covers: perm:pg.events
-- deny: pg.events app:pg
-- describe: Permissions row "pg.events | events() | (scope)".
local t = require("harness")
local rows = require("helpers.rows")
local pg = require("pg")
rows.denied("events in a denied scope", assert(pg.open("app:pg")):events())
local sub, snapshot = assert(pg.open("app:other")):events()
t.ok(sub ~= nil and snapshot ~= nil, "another scope can be watched")
t.done()
