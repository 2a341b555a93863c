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

-- Waits until the caller node's view of the group holds the pid (joined elsewhere): a remote join
-- reaches this node later than its helper's "ready" (SEMANTICS: other nodes see it later), and a
-- broadcast goes to the caller node's current view. Returns the pid.
function spawn.visible(g, group, pid)
  local seen = t.eventually(function()
    for _, member in ipairs(g:get_members(group)) do
      if member == pid then return true end
    end
  end, 10000)
  t.ok(seen, group .. " on this node lists " .. tostring(pid))
  return pid
end

-- Sends a command to a member helper and waits for its answer.
function spawn.command(pid, op, group)
  process.send(pid, "ctl", { op = op, group = group })
  if op == "exit" then return true end
  local reply = t.receive(replies, 10000, op .. " " .. tostring(group) .. " answered")
  return reply and reply.ok
end

return spawn
