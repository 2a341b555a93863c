-- Keeps upper-cased copies of a 64 MiB string: each one is a single 64 MiB allocation.
local s = string.rep("x", 64 * 1024 * 1024)
local kept = {}
for i = 1, 1000 do kept[i] = s:upper() end
