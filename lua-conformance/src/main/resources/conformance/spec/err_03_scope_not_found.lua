-- conformance: err_03_scope_not_found
-- tags: spec
-- nodes: 1
-- needs: core
-- covers: error:scope-not-found
-- describe: Errors row "Scope not found | errors.NOT_FOUND".
local t = require("harness")
local rows = require("helpers.rows")
rows.failed(errors.NOT_FOUND, "pg.open of an unknown scope", require("pg").open("app:no-such-scope"))
t.eq(errors.NOT_FOUND, "NotFound", "the kind's string")
t.done()
