-- conformance: monitor_fold
-- tags: settled
-- nodes: 1
-- needs: core spawn
-- describe: SEMANTICS: folding a subscription's events over its snapshot gives the node's view.
local t = require("harness")
local spawn = require("helpers.spawn")
local g = assert(require("pg").open("app:pg"))
local a = spawn.start(1, "member", "app:pg", "f")
local sub, view = g:monitor("f")
local b = spawn.start(1, "member", "app:pg", "f")
spawn.command(a, "join", "f")
spawn.command(a, "leave", "f")
spawn.command(b, "exit")
assert(g:join("f"))
local function apply(event)
  for _, pid in ipairs(event.data.PIDs) do
    if event.kind == "member.joined" then
      view[#view + 1] = pid
    else
      for i = #view, 1, -1 do if view[i] == pid then table.remove(view, i) break end end
    end
  end
end
for _ = 1, 5 do apply(t.receive(sub:channel(), 5000, "an event")) end
t.nothing(sub:channel(), 200, "five changes, five events")
t.same_members(view, g:get_members("f"), "snapshot + events = the view")
t.done()
