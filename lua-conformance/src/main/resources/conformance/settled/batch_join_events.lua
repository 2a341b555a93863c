-- conformance: batch_join_events
-- tags: settled
-- nodes: 1
-- needs: core
-- describe: SEMANTICS "Events": a batch join of two groups gives two events, in batch order.
local t = require("harness")
local g = assert(require("pg").open("app:pg"))
local me = process.pid()
local sub = assert(g:events())
assert(g:join({ "b", "a", "b" }))
local e1 = t.receive(sub:channel(), 5000, "first event")
local e2 = t.receive(sub:channel(), 5000, "second event")
t.eq(e1 and e1.data, { Group = "b", PIDs = { me, me } }, "b first, with both slots")
t.eq(e2 and e2.data, { Group = "a", PIDs = { me } }, "then a")
t.nothing(sub:channel(), 200, "one event per group")
t.done()
