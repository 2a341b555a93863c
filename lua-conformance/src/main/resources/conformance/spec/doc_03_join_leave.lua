-- conformance: doc_03_join_leave
-- tags: spec
-- nodes: 1
-- needs: core
-- covers: method:group:join method:group:leave
-- describe: pg-api.txt "Joining and Leaving": single join, batch join, leave; multi-join counts.
local t = require("harness")
local pg = require("pg")
local group = assert(pg.open("app:pg"))
local me = process.pid()

local ok, err = group:join("workers")           -- single group
local ok, err = group:join({"workers", "all"})  -- batch
local ok, err = group:leave("workers")

t.eq({ ok, err }, { true }, "the last call returned true, nil")
t.eq(group:get_local_members("workers"), { me }, "joined workers twice, left once: one slot left")
t.eq(group:get_local_members("all"), { me }, "the batch joined all")
t.eq(group:leave("workers"), true, "the second leave removes the last slot")
t.eq(group:get_local_members("workers"), {}, "workers is empty now")
t.done()
