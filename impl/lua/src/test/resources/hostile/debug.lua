-- Reach the registry and other processes' upvalues through the debug library.
local registry = debug.getregistry()
print(registry)
