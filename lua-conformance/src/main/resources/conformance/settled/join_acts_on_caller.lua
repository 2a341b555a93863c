-- conformance: join_acts_on_caller
-- tags: settled
-- nodes: 1
-- needs: core spawn
-- describe: SEMANTICS: join and leave act on the calling process only.
local t = require("harness")
local spawn = require("helpers.spawn")
local rows = require("helpers.rows")
local g = assert(require("pg").open("app:pg"))
local other = spawn.start(1, "member", "app:pg", "a")
rows.failed(errors.INVALID, "leaving a group only another process is in", g:leave("a"))
t.eq(g:get_local_members("a"), { other }, "the other process keeps its slot")
t.done()
