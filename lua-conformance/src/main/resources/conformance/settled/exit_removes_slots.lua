-- conformance: exit_removes_slots
-- tags: settled
-- nodes: 1
-- needs: core spawn
-- describe: SEMANTICS: process exit removes all its slots (one member.left per group).
local t = require("harness")
local spawn = require("helpers.spawn")
local g = assert(require("pg").open("app:pg"))
local other = spawn.start(1, "member", "app:pg", "workers", "workers", "workers", "managers")
local sub = assert(g:events())
spawn.command(other, "exit")
local first = t.receive(sub:channel(), 10000, "the first leave event arrived")
local second = t.receive(sub:channel(), 10000, "the second leave event arrived")
t.eq(first, { system = "pg", kind = "member.left", path = "workers",
              data = { Group = "workers", PIDs = { other, other, other } } },
     "workers first, with the pid once per slot")
t.eq(second and second.data, { Group = "managers", PIDs = { other } }, "then managers")
t.eq(g:which_groups(), {}, "no group is left")
t.done()
