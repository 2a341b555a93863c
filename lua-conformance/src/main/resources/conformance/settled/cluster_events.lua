-- conformance: cluster_events
-- tags: settled
-- nodes: 3
-- needs: core spawn multi-node
-- describe: SEMANTICS: remote changes arrive on subscriptions; the fold equals the view.
local t = require("harness")
local spawn = require("helpers.spawn")
local g = assert(require("pg").open("app:pg"))
local sub, view = g:monitor("ce")
local r2 = spawn.start(2, "member", "app:pg", "ce")
local e1 = t.receive(sub:channel(), 15000, "the remote join arrived as an event")
t.eq(e1, { system = "pg", kind = "member.joined", path = "ce", data = { Group = "ce", PIDs = { r2 } } },
     "the event names the remote pid")
spawn.command(r2, "leave", "ce")
local e2 = t.receive(sub:channel(), 15000, "the remote leave arrived as an event")
t.eq(e2 and e2.kind, "member.left", "a leave")
t.eq(view, {}, "the snapshot was empty")
t.eq(g:get_members("ce"), {}, "and so is the view after join + leave")
t.done()
