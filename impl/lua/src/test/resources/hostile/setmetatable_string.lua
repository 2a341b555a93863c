-- Give strings a new metatable.
setmetatable("", {__index = {upper = function() return "PWNED" end}})
