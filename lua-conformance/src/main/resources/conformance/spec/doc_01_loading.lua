-- conformance: doc_01_loading
-- tags: spec
-- nodes: 1
-- needs: core
-- describe: pg-api.txt "Loading": require("pg") gives the module.
local t = require("harness")

local pg = require("pg")

t.eq(type(pg), "table", "require('pg') returns a table")
t.eq(type(pg.open), "function", "the module has open()")
t.ok(require("pg") == pg, "require caches the module")
t.done()
