-- conformance: doc_06_broadcast
-- tags: spec
-- nodes: 1
-- needs: core spawn
-- covers: method:group:broadcast method:group:broadcast_local
-- describe: pg-api.txt "Broadcasting": members receive the payload under the topic, from the caller.
local t = require("harness")
local spawn = require("helpers.spawn")
local pg = require("pg")
local group = assert(pg.open("app:pg"))
local got = process.listen("got")
local worker = spawn.start(1, "receiver", "app:pg", "workers", "task")

local ok, err = group:broadcast("workers", "task", {id = 42})   -- all nodes
local ok, err = group:broadcast_local("workers", "task", {id = 42})  -- this node only

t.eq({ ok, err }, { true }, "broadcast_local returned true (broadcast's result was shadowed)")
for i = 1, 2 do
  local msg = t.receive(got, 10000, "the member received broadcast " .. i)
  t.eq(msg and msg.payload, { id = 42 }, "payload " .. i .. " arrives intact")
  t.eq(msg and msg.from, process.pid(), "the sender of " .. i .. " is the caller")
end
t.nothing(got, 200, "one delivery per call")
t.ok(worker ~= nil, "the worker had a pid")
t.done()
