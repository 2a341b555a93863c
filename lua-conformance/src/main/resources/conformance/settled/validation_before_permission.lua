-- conformance: validation_before_permission
-- tags: settled
-- nodes: 1
-- needs: core policy
-- deny: pg.join *
-- describe: SEMANTICS: validation happens before the permission check.
local t = require("harness")
local rows = require("helpers.rows")
local g = assert(require("pg").open("app:pg"))
rows.failed(errors.INVALID, "an empty name is INVALID even where join is denied", g:join(""))
rows.failed(errors.PERMISSION_DENIED, "a valid name is denied", g:join("a"))
t.done()
