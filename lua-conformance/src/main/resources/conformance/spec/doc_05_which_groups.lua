-- conformance: doc_05_which_groups
-- tags: spec
-- nodes: 1
-- needs: core
-- covers: method:group:which_groups method:group:which_local_groups
-- describe: pg-api.txt "Listing Groups": which_groups / which_local_groups.
local t = require("harness")
local pg = require("pg")
local group = assert(pg.open("app:pg"))
assert(group:join({ "workers", "all" }))

local groups, err = group:which_groups()         -- all groups in the cluster
local local_groups, err = group:which_local_groups()  -- groups with a local member

t.same_members(groups, { "workers", "all" }, "which_groups lists both groups")
t.same_members(local_groups, { "workers", "all" }, "which_local_groups lists both groups")
t.eq(err, nil, "no error")
t.done()
