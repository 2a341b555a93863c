-- conformance: leave_removes_latest
-- tags: project
-- nodes: 1
-- needs: core spawn
-- describe: docs/DECISIONS.md "Multi-join order": leave removes the caller's most recent slot.
local t = require("harness")
local spawn = require("helpers.spawn")
local g = assert(require("pg").open("app:pg"))
local me = process.pid()
assert(g:join("g"))
local other = spawn.start(1, "member", "app:pg", "g")
assert(g:join("g"))
t.eq(g:get_local_members("g"), { me, other, me }, "three slots in join order")
t.eq(g:leave("g"), true, "leave once")
t.eq(g:get_local_members("g"), { me, other }, "the most recent slot went, the oldest stays first")
t.done()
