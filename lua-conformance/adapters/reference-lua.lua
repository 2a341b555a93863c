-- The adapter of the plain-Lua reference runtime (../reference/runtime.lua), as CONTRACT.md
-- describes adapters:
--   lua5.2 reference-lua.lua --capabilities
--   lua5.2 reference-lua.lua --nodes N --suite ROOT [--deny ACTION=RESOURCE]... SCRIPT
-- It runs SCRIPT as a process of a fresh runtime with scopes app:pg and app:other and exits 0
-- when the script returned, 1 when it raised or every process got stuck, 2 on bad arguments.
local here = arg[0]:match("^(.*)/[^/]*$") or "."
package.path = here .. "/../reference/?.lua;" .. package.path
local runtime = require("runtime")
io.stdout:setvbuf("line")

-- One node, so no multi-node; everything else the suite asks for.
local CAPABILITIES = "core spawn policy scopes limits"

local function usage(msg)
  io.stderr:write("reference-lua: ", msg, "\n")
  os.exit(2)
end

local nodes, root, script = 1, nil, nil
local i = 1
while i <= #arg do
  local a = arg[i]
  if a == "--capabilities" then print(CAPABILITIES); os.exit(0)
  elseif a == "--nodes" then nodes = tonumber(arg[i + 1]); i = i + 1
  elseif a == "--suite" then root = arg[i + 1]; i = i + 1
  elseif a == "--deny" then
    local action, resource = (arg[i + 1] or ""):match("^([^=]+)=(.+)$")
    if not action then usage("--deny takes ACTION=RESOURCE") end
    runtime.deny(action, resource)
    i = i + 1
  elseif a:sub(1, 2) == "--" then usage("unknown option " .. a)
  else script = a end
  i = i + 1
end
if nodes ~= 1 then usage("this runtime has one node; it cannot run on " .. tostring(nodes)) end
if not root or not script then usage("needs --suite ROOT and a SCRIPT") end

-- What a script sees: require finds ROOT/harness.lua and ROOT/helpers/*.lua, "pg" and
-- "conformance.host"; the globals process and errors.
package.path = root .. "/?.lua;" .. package.path
runtime.add_scope("app:pg")
runtime.add_scope("app:other")
process, errors = runtime.process_module, runtime.errors
package.preload["pg"] = function() return runtime.pg_module end
package.preload["conformance.host"] = function()
  return {
    node = function() return 1 end,
    nodes = function() return 1 end,
    spawn = function(node, helper, ...)
      if node ~= 1 then error("host.spawn: no node " .. tostring(node) .. " (one node)", 2) end
      local chunk = assert(loadfile(root .. "/helpers/" .. helper .. ".lua"))
      return runtime.spawn(chunk, ...)
    end,
    sleep = runtime.sleep,
    receive = runtime.receive,
  }
end

local main = assert(loadfile(script))
local ok, why = runtime.run(runtime.process(runtime.spawn(main)))
if not ok then
  io.stderr:write(why, "\n")
  os.exit(1)
end
os.exit(0)
