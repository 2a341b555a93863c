-- conformance: perm_07_which_local_groups
-- tags: spec
-- nodes: 1
-- needs: core policy scopes
-- covers: perm:pg.which_local_groups
-- deny: pg.which_local_groups app:pg
-- describe: Permissions row "pg.which_local_groups | which_local_groups() | (scope)".
local t = require("harness")
local rows = require("helpers.rows")
local pg = require("pg")
local g = assert(pg.open("app:pg"))
rows.denied("which_local_groups in a denied scope", g:which_local_groups())
t.eq(g:which_groups(), {}, "which_groups is a different permission")
t.eq(assert(pg.open("app:other")):which_local_groups(), {}, "another scope can be listed")
t.done()
