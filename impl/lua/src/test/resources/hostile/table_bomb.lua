-- Double a table of fresh strings until memory runs out.
local t = {"seed"}
while true do
  local n = #t
  for i = 1, n do
    t[n + i] = t[i] .. i
  end
end
