-- A process that joins groups on request and reports back: the multi-process / multi-node
-- scripts use it. Arguments: parent pid, scope id, then groups to join at once.
-- Commands arrive on topic "ctl" as tables {op = "join"|"leave"|"exit", group = ...};
-- each is answered on the parent's topic "reply" with {op = ..., ok = true|false, pid = ...}.
local parent, scope = ...
local pg = require("pg")
local g = assert(pg.open(scope))
local ctl = process.listen("ctl")
for i = 3, select("#", ...) do
  assert(g:join((select(i, ...))))
end
process.send(parent, "reply", { op = "ready", ok = true, pid = process.pid() })
while true do
  local cmd, ok = ctl:receive()
  if not ok or cmd.op == "exit" then break end
  local done = g[cmd.op](g, cmd.group)
  process.send(parent, "reply", { op = cmd.op, ok = done == true, pid = process.pid() })
end
