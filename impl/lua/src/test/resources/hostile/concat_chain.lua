-- One `..` instruction over many operands (LuaJ builds it in a Buffer).
local s = string.rep("x", 40 * 1024 * 1024)
local t = s .. s .. s .. s .. s .. s .. s .. s
print(#t)
