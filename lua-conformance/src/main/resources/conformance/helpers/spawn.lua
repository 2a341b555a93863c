-- Shared by the multi-process scripts: start a helper process and wait until it is ready.
local t = require("harness")

local spawn = {}
local replies

-- Starts helpers/<helper>.lua on a node with (parent pid, ...) and returns its pid once it has
-- reported ready.
function spawn.start(node, helper, ...)
  replies = replies or process.listen("reply")
  t.host.spawn(node, helper, process.pid(), ...)
  local reply = t.receive(replies, 10000, helper .. " on node " .. node .. " is ready")
  return reply and reply.pid
end

-- Sends a command to a member helper and waits for its answer.
function spawn.command(pid, op, group)
  process.send(pid, "ctl", { op = op, group = group })
  if op == "exit" then return true end
  local reply = t.receive(replies, 10000, op .. " " .. tostring(group) .. " answered")
  return reply and reply.ok
end

return spawn
