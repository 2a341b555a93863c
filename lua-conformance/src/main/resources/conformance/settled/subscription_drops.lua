-- conformance: subscription_drops
-- tags: settled
-- nodes: 1
-- needs: core limits
-- describe: SEMANTICS: a subscription holds 64 events; further ones are dropped and counted.
local t = require("harness")
local g = assert(require("pg").open("app:pg"))
local sub = assert(g:monitor("busy"))
for _ = 1, 70 do assert(g:join("busy")) end
t.eq(sub:dropped(), 6, "six events over the capacity of 64 were dropped")
local n = 0
while true do
  local _, _, timeout = t.host.receive(sub:channel(), 100)
  if timeout then break end
  n = n + 1
end
t.eq(n, 64, "the buffer held 64")
t.done()
