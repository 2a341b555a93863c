-- conformance: release_keeps_membership
-- tags: settled
-- nodes: 1
-- needs: core spawn
-- describe: SEMANTICS: release() only invalidates the handle: no leave, no closed subscription.
local t = require("harness")
local spawn = require("helpers.spawn")
local pg = require("pg")
local g = assert(pg.open("app:pg"))
assert(g:join("kept"))
local sub = assert(g:monitor("kept"))
g:release()
local other = spawn.start(1, "member", "app:pg", "kept")
local event = t.receive(sub:channel(), 10000, "the subscription still delivers")
t.eq(event and event.data, { Group = "kept", PIDs = { other } }, "the join after release")
local fresh = assert(pg.open("app:pg"))
t.same_members(fresh:get_local_members("kept"), { process.pid(), other }, "the slot was kept")
t.done()
