-- A small table holding one 64 MiB string a thousand times: copying it would take 64 GiB.
local s = string.rep("x", 64 * 1024 * 1024)
local t = {}
for i = 1, 1000 do t[i] = s end
local ok, err = process.send(process.pid(), "t", t)
if not ok then error(err:message()) end
