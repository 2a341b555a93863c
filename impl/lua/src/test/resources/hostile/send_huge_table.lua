-- Send a huge table to itself.
local t = {}
for i = 1, 1e6 do t[i] = i end
local ok, err = process.send(process.pid(), "huge", t)
if not ok then error(err:message()) end
