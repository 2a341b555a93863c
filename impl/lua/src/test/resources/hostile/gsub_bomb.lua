-- gsub replacing each byte of 1 MiB by the whole 1 MiB: a 1 TiB result, built in one call.
local s = string.rep("x", 1024 * 1024)
print(#s:gsub(".", s))
