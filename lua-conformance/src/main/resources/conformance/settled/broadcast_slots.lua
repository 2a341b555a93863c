-- conformance: broadcast_slots
-- tags: settled
-- nodes: 1
-- needs: core spawn
-- describe: SEMANTICS "Broadcast": once per slot, the caller included, true with no members.
local t = require("harness")
local spawn = require("helpers.spawn")
local g = assert(require("pg").open("app:pg"))
local got = process.listen("got")
local mine = process.listen("b")
local twice = spawn.start(1, "receiver", "app:pg", "bg", "b", 2)
assert(g:join("bg"))
t.eq(g:broadcast("bg", "b", "hello"), true, "broadcast")
local m1 = t.receive(got, 5000, "first copy to the twice-joined member")
local m2 = t.receive(got, 5000, "second copy to the twice-joined member")
t.eq({ m1 and m1.from, m2 and m2.from }, { process.pid(), process.pid() }, "both from the caller")
t.nothing(got, 200, "no third copy")
t.eq(t.receive(mine, 5000, "the caller received its own broadcast"), "hello", "payload")
t.eq(g:broadcast("nobody", "b", 1), true, "broadcast to an empty group returns true")
t.ok(twice ~= nil, "the receiver ran")
t.done()
