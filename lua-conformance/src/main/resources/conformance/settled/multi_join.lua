-- conformance: multi_join
-- tags: settled
-- nodes: 1
-- needs: core
-- describe: SEMANTICS "Membership": every join adds a slot, every leave removes one.
local t = require("harness")
local g = assert(require("pg").open("app:pg"))
local me = process.pid()
for _ = 1, 3 do assert(g:join("w")) end
t.eq(g:get_members("w"), { me, me, me }, "three joins, three slots")
assert(g:leave("w"))
t.eq(g:get_local_members("w"), { me, me }, "one leave removes one slot")
assert(g:leave("w")); assert(g:leave("w"))
t.eq(g:get_members("w"), {}, "as many leaves as joins depart fully")
t.done()
