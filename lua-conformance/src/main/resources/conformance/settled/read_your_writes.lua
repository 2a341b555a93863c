-- conformance: read_your_writes
-- tags: settled
-- nodes: 1
-- needs: core
-- describe: SEMANTICS: once join returns, the caller's node shows the slot.
local t = require("harness")
local g = assert(require("pg").open("app:pg"))
local me = process.pid()
for i = 1, 50 do
  assert(g:join("ryw"))
  local n = #g:get_members("ryw")
  if n ~= i then t.eq(n, i, "join " .. i .. " visible at once") end
end
t.eq(#g:get_local_members("ryw"), 50, "all fifty slots visible locally")
t.done()
