-- A bundle as amalg.lua writes one: each module a loader in package.preload, then the main code.
do
local _ENV = _ENV
package.preload[ "greet.words" ] = function( ... ) local arg = _G.arg;
return { hello = function() return "hello" end }
end
end

do
local _ENV = _ENV
package.preload[ "greet" ] = function( ... ) local arg = _G.arg;
local words = require("greet.words")
local name = ...
return { say = function(who) return words.hello() .. ", " .. who .. " (" .. name .. ")" end }
end
end

do
local _ENV = _ENV
package.preload[ "greet.silent" ] = function( ... ) local arg = _G.arg;
-- a module that returns nothing: require gives true
end
end

local greet = require("greet")
print(greet.say("world"))
print(require("greet") == greet, package.loaded["greet.words"] == require("greet.words"))
print(require("greet.silent"))
