-- conformance: doc_02_open
-- tags: spec
-- nodes: 1
-- needs: core
-- covers: method:pg.open
-- describe: pg-api.txt "Opening a Scope": pg.open("app:pg") returns an instance and no error.
local t = require("harness")
local pg = require("pg")

local group, err = pg.open("app:pg")
if err then
    return nil, err
end

t.ok(group ~= nil, "open returns an instance")
t.eq(err, nil, "open returns no error")
t.eq(group:which_local_groups(), {}, "a fresh instance sees no local groups")
t.done()
