-- Change every process's string methods through the shared string metatable.
getmetatable("").__index.upper = function() return "PWNED" end
