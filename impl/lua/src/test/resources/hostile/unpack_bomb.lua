-- unpack of two billion values: stock LuaJ allocates the array first.
print(select("#", table.unpack({}, 1, 2^31 - 2)))
