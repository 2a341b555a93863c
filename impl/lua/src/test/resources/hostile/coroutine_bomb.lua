-- Keep ever more coroutines suspended (stock LuaJ gives each one a thread).
local held = {}
for i = 1, 1e7 do
  local c = coroutine.create(function() coroutine.yield() end)
  coroutine.resume(c)
  held[i] = c
end
