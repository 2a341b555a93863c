-- conformance: perm_06_which_groups
-- tags: spec
-- nodes: 1
-- needs: core policy scopes
-- covers: perm:pg.which_groups
-- deny: pg.which_groups app:pg
-- describe: Permissions row "pg.which_groups | which_groups() | (scope)".
local t = require("harness")
local rows = require("helpers.rows")
local pg = require("pg")
rows.denied("which_groups in a denied scope", assert(pg.open("app:pg")):which_groups())
t.eq(assert(pg.open("app:other")):which_groups(), {}, "another scope can be listed")
t.done()
