-- A process that, after a pause, joins a group and later leaves it, so that a script blocked in
-- a documented ch:receive() gets an event whatever the timing. Arguments: parent pid, scope id,
-- group, pause in ms.
local parent, scope, group, pause = ...
local host = require("conformance.host")
local pg = require("pg")
local g = assert(pg.open(scope))
process.send(parent, "reply", { op = "ready", ok = true, pid = process.pid() })
host.sleep(tonumber(pause))
assert(g:join(group))
host.sleep(tonumber(pause))
assert(g:leave(group))
