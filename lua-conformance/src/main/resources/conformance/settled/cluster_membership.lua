-- conformance: cluster_membership
-- tags: settled
-- nodes: 3
-- needs: core spawn multi-node
-- describe: SEMANTICS "Cluster consistency": a remote join becomes visible; local queries stay local.
local t = require("harness")
local spawn = require("helpers.spawn")
local g = assert(require("pg").open("app:pg"))
local me = process.pid()
assert(g:join("cw"))
local r2 = spawn.start(2, "member", "app:pg", "cw")
local r3 = spawn.start(3, "member", "app:pg", "cw", "cw")
local seen = t.eventually(function()
  local m = g:get_members("cw")
  return #m == 4 and m
end, 15000)
t.same_members(seen, { me, r2, r3, r3 }, "every node's slots are visible on node 1")
t.eq(g:get_local_members("cw"), { me }, "get_local_members lists this node's slots only")
t.same_members(g:which_groups(), { "cw" }, "which_groups includes remote groups")
spawn.command(r3, "exit")
local after = t.eventually(function()
  local m = g:get_members("cw")
  return #m == 2 and m
end, 15000)
t.same_members(after, { me, r2 }, "a remote exit removes its slots everywhere")
t.done()
