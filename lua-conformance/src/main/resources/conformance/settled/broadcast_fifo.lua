-- conformance: broadcast_fifo
-- tags: settled
-- nodes: 1
-- needs: core spawn
-- describe: SEMANTICS: FIFO between one sender and one receiver (on the last node: remote on 3).
local t = require("harness")
local spawn = require("helpers.spawn")
local g = assert(require("pg").open("app:pg"))
local got = process.listen("got")
spawn.visible(g, "fifo", spawn.start(t.host.nodes(), "receiver", "app:pg", "fifo", "n"))
for i = 1, 100 do assert(g:broadcast("fifo", "n", i)) end
local order = {}
for i = 1, 100 do
  local m = t.receive(got, 10000, "broadcast " .. i .. " arrived")
  order[i] = m and m.payload
end
local expected = {}
for i = 1, 100 do expected[i] = i end
t.eq(order, expected, "a hundred broadcasts arrive in order")
t.done()
