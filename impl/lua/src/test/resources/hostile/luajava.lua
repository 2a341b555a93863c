-- Reach a Java class through LuaJ's bridge.
local System = luajava.bindClass("java.lang.System")
System:exit(1)
