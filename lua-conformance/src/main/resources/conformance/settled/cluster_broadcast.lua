-- conformance: cluster_broadcast
-- tags: settled
-- nodes: 3
-- needs: core spawn multi-node
-- describe: SEMANTICS "Broadcast": remote members receive it from the caller; broadcast_local stays local.
local t = require("harness")
local spawn = require("helpers.spawn")
local g = assert(require("pg").open("app:pg"))
local got = process.listen("got")
local r2 = spawn.start(2, "receiver", "app:pg", "cb", "m")
local r3 = spawn.start(3, "receiver", "app:pg", "cb", "m")
local r1 = spawn.start(1, "receiver", "app:pg", "cb", "m")
t.eventually(function() return #g:get_members("cb") == 3 end, 15000)
assert(g:broadcast("cb", "m", "all"))
local from = {}
for i = 1, 3 do
  local m = t.receive(got, 15000, "delivery " .. i)
  if m then from[#from + 1] = m.from .. "/" .. m.payload end
end
local me = process.pid()
t.same_members(from, { me .. "/all", me .. "/all", me .. "/all" }, "all three members, sender = caller")
assert(g:broadcast_local("cb", "m", "local"))
local m = t.receive(got, 5000, "the local member received broadcast_local")
t.eq(m and m.payload, "local", "payload")
t.nothing(got, 500, "no remote member received broadcast_local")
t.ok(r1 and r2 and r3, "three receivers ran")
t.done()
