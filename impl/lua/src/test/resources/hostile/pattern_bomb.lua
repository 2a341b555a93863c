-- A pattern that backtracks for ever inside one string.find call: no Lua instruction runs.
print(string.find(string.rep("a", 3000), string.rep("a*", 20) .. "b"))
