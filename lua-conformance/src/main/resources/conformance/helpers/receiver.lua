-- A process that joins a group and forwards every message it receives on a topic to its parent
-- (topic "got", as {from = sender pid, payload = value}). Arguments: parent pid, scope id, group,
-- topic, number of joins (default 1). It runs until the cluster is torn down.
local parent, scope, group, topic, joins = ...
local pg = require("pg")
local g = assert(pg.open(scope))
local inbox = process.listen(topic, { message = true })
for _ = 1, tonumber(joins or 1) do assert(g:join(group)) end
process.send(parent, "reply", { op = "ready", ok = true, pid = process.pid() })
while true do
  local msg, ok = inbox:receive()
  if not ok then break end
  process.send(parent, "got", { from = msg:from(), payload = msg:payload() })
end
