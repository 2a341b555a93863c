-- conformance: wrong_types
-- tags: settled
-- nodes: 1
-- needs: core
-- describe: SEMANTICS: wrongly typed arguments are INVALID, never a Lua error, and change nothing.
local t = require("harness")
local rows = require("helpers.rows")
local g = assert(require("pg").open("app:pg"))
rows.failed(errors.INVALID, "join(42)", g:join(42))
rows.failed(errors.INVALID, "join(true)", g:join(true))
rows.failed(errors.INVALID, "join with a number in the batch", g:join({ "a", 1 }))
rows.failed(errors.INVALID, "join with an empty name in the batch", g:join({ "a", "" }))
rows.failed(errors.INVALID, "get_members of a list", g:get_members({ "a" }))
rows.failed(errors.INVALID, "broadcast with a table topic", g:broadcast("a", {}))
t.eq(g:which_local_groups(), {}, "nothing was joined")
t.done()
