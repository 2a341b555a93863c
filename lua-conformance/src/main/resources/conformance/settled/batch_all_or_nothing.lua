-- conformance: batch_all_or_nothing
-- tags: settled
-- nodes: 1
-- needs: core policy
-- deny: pg.join b
-- describe: SEMANTICS: a batch with one invalid or denied element changes nothing.
local t = require("harness")
local rows = require("helpers.rows")
local g = assert(require("pg").open("app:pg"))
rows.failed(errors.INVALID, "one empty element", g:join({ "a", "" }))
rows.failed(errors.PERMISSION_DENIED, "one denied element", g:join({ "a", "b" }))
t.eq(g:which_local_groups(), {}, "a was joined by neither batch")
assert(g:join("a"))
rows.failed(errors.INVALID, "a batch leave with an invalid element", g:leave({ "a", 7 }))
t.eq(g:get_local_members("a"), { process.pid() }, "the invalid batch left nothing")
t.done()
