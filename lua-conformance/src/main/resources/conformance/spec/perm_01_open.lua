-- conformance: perm_01_open
-- tags: spec
-- nodes: 1
-- needs: core policy scopes
-- covers: perm:pg.open
-- deny: pg.open app:pg
-- describe: Permissions row "pg.open | pg.open() | scope id".
local t = require("harness")
local rows = require("helpers.rows")
local pg = require("pg")
rows.denied("pg.open on a denied scope id", pg.open("app:pg"))
t.ok(pg.open("app:other") ~= nil, "another scope id is not denied")
t.done()
