-- table.concat of 64 strings of 32 MiB: 2 GiB in one call.
local s = string.rep("x", 32 * 1024 * 1024)
local t = {}
for i = 1, 64 do t[i] = s end
print(#table.concat(t, s))
