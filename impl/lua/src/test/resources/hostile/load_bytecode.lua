-- Load a binary chunk: hand-made bytecode can break the VM's invariants.
local chunk = string.dump and string.dump(function() return 1 end)
  or "\27Lua\82\0\1\4\4\4\8\0\25\147\13\10\26\10"
local f, err = load(chunk, "evil")
assert(f, err)
f()
