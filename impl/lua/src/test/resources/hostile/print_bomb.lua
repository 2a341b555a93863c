-- One print line of 3 x 40 MiB.
local s = string.rep("x", 40 * 1024 * 1024)
print(s, s, s)
