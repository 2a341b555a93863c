-- helpers/receiver.lua as a slow cluster may look to its parent: "ready" arrives on the parent's
-- node before the join does (here by joining 300 ms after saying so). Same arguments and forwarding.
local parent, scope, group, topic, joins = ...
local g = assert(require("pg").open(scope))
local inbox = process.listen(topic, { message = true })
process.send(parent, "reply", { op = "ready", ok = true, pid = process.pid() })
require("conformance.host").sleep(300)
for _ = 1, tonumber(joins or 1) do assert(g:join(group)) end
while true do
  local msg, ok = inbox:receive()
  if not ok then break end
  process.send(parent, "got", { from = msg:from(), payload = msg:payload() })
end
