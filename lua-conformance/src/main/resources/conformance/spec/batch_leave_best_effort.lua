-- conformance: batch_leave_best_effort
-- tags: spec
-- nodes: 1
-- needs: core
-- describe: pg-api.txt: leave is best-effort across a batch; INVALID only if a member of none.
local t = require("harness")
local rows = require("helpers.rows")
local g = assert(require("pg").open("app:pg"))
assert(g:join("a"))
t.eq(g:leave({ "a", "z" }), true, "leaving a and a group never joined succeeds")
t.eq(g:get_local_members("a"), {}, "a was left")
rows.failed(errors.INVALID, "a batch of groups never joined", g:leave({ "y", "z" }))
t.done()
