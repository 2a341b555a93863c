-- conformance: doc_04_get_members
-- tags: spec
-- nodes: 1
-- needs: core
-- covers: method:group:get_members method:group:get_local_members
-- describe: pg-api.txt "Listing Members": get_members / get_local_members return PID arrays.
local t = require("harness")
local pg = require("pg")
local group = assert(pg.open("app:pg"))
local me = process.pid()
assert(group:join("workers"))

local members, err = group:get_members("workers")        -- all nodes
local local_members, err = group:get_local_members("workers")  -- this node only

t.eq(members, { me }, "get_members lists the caller")
t.eq(local_members, { me }, "get_local_members lists the caller")
t.eq(err, nil, "no error")
t.eq(group:get_members("nobody-here"), {}, "an unknown group is an empty array")
t.done()
