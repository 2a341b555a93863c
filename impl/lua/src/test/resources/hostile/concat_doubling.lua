-- Doubles a 64 MiB string with `..` until the heap is gone (one instruction each time).
local s = string.rep("x", 64 * 1024 * 1024)
while true do s = s .. s end
