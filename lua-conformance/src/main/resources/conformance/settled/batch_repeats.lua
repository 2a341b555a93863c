-- conformance: batch_repeats
-- tags: settled
-- nodes: 1
-- needs: core
-- describe: SEMANTICS: join({"a","b","a"}) adds slots a, b, a.
local t = require("harness")
local g = assert(require("pg").open("app:pg"))
local me = process.pid()
t.eq(g:join({ "a", "b", "a" }), true, "the batch succeeds")
t.eq(g:get_local_members("a"), { me, me }, "two slots in a")
t.eq(g:get_local_members("b"), { me }, "one slot in b")
t.done()
