-- conformance: doc_07_monitor
-- tags: spec
-- nodes: 1
-- needs: core spawn
-- covers: method:group:monitor method:sub:channel method:ch:receive method:sub:close
-- describe: pg-api.txt "Monitoring a Group": snapshot + events, then close.
local t = require("harness")
local spawn = require("helpers.spawn")
local pg = require("pg")
local group = assert(pg.open("app:pg"))
local first = spawn.start(1, "member", "app:pg", "workers")
local later = spawn.start(1, "delayed_member", "app:pg", "workers", 300)

local sub, members, err = group:monitor("workers")
if err then
    return nil, err
end

for _, pid in ipairs(members) do
    -- current members at subscription time
end

local ch = sub:channel()
local event = ch:receive()  -- {kind = "member.joined" | "member.left", path = "workers", data = {...}}

sub:close()  -- unsubscribe; sub:close({flush = true}) drains queued events first

t.eq(members, { first }, "the snapshot holds the member present at subscription time")
t.eq(event and event.kind, "member.joined", "the later join arrives as an event")
t.eq(event and event.path, "workers", "the event names the group")
t.eq(event and event.data, { Group = "workers", PIDs = { later } }, "the event's data")
t.eq(sub:close(), true, "closing again is fine")
t.done()
