-- conformance: empty_groups_vanish
-- tags: settled
-- nodes: 1
-- needs: core
-- describe: SEMANTICS: a group whose last slot goes away disappears everywhere.
local t = require("harness")
local g = assert(require("pg").open("app:pg"))
assert(g:join("gone")); assert(g:leave("gone"))
t.eq(g:which_groups(), {}, "not in which_groups")
t.eq(g:which_local_groups(), {}, "not in which_local_groups")
local _, snapshot = g:events()
t.eq(snapshot, {}, "not in an events() snapshot")
t.eq(g:get_members("gone"), {}, "get_members is empty, not an error")
t.done()
