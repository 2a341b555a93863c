-- conformance: doc_08_events
-- tags: spec
-- nodes: 1
-- needs: core spawn
-- covers: method:group:events
-- describe: pg-api.txt "Watching All Groups": events() with a snapshot table of every group.
local t = require("harness")
local spawn = require("helpers.spawn")
local pg = require("pg")
local group = assert(pg.open("app:pg"))
local a = spawn.start(1, "member", "app:pg", "workers", "all")
local later = spawn.start(1, "delayed_member", "app:pg", "late", 300)

local sub, snapshot, err = group:events()
-- snapshot: { ["workers"] = {pid, ...}, ["all"] = {pid, ...} }

local event = sub:channel():receive()
sub:close()

t.eq(snapshot, { workers = { a }, all = { a } }, "the snapshot maps each group to its members")
t.eq(err, nil, "no error")
t.eq(event and event.kind, "member.joined", "the later join arrives")
t.eq(event and event.system, "pg", "system is pg")
t.eq(event and event.data, { Group = "late", PIDs = { later } }, "data names the group and the pid")
t.done()
