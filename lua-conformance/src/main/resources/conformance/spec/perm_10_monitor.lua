-- conformance: perm_10_monitor
-- tags: spec
-- nodes: 1
-- needs: core policy
-- covers: perm:pg.monitor
-- deny: pg.monitor secret
-- describe: Permissions row "pg.monitor | monitor() | group name".
local t = require("harness")
local rows = require("helpers.rows")
local g = assert(require("pg").open("app:pg"))
rows.denied("monitor of a denied group", g:monitor("secret"))
local sub, members = g:monitor("public")
t.ok(sub ~= nil and members ~= nil, "another group can be monitored")
t.done()
