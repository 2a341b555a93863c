-- conformance: err_04_leave_without_membership
-- tags: spec
-- nodes: 1
-- needs: core
-- covers: error:leave-a-group-with-no-membership
-- describe: Errors row "Leave a group with no membership | errors.INVALID".
local t = require("harness")
local rows = require("helpers.rows")
local g = assert(require("pg").open("app:pg"))
rows.failed(errors.INVALID, "leave of a group never joined", g:leave("workers"))
assert(g:join("workers"))
assert(g:leave("workers"))
rows.failed(errors.INVALID, "leave after the last slot went", g:leave("workers"))
rows.failed(errors.INVALID, "batch leave of groups never joined", g:leave({ "a", "b" }))
t.done()
