-- string.byte of every byte of a 32 MiB string: 32 Mi results.
local s = string.rep("x", 32 * 1024 * 1024)
print(select("#", s:byte(1, -1)))
