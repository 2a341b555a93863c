-- conformance: err_05_instance_released
-- tags: spec
-- nodes: 1
-- needs: core
-- covers: error:instance-released
-- describe: Errors row "Instance released | errors.INVALID": every method fails after release().
local t = require("harness")
local rows = require("helpers.rows")
local g = assert(require("pg").open("app:pg"))
assert(g:join("workers"))
t.eq(g:release(), true, "release")
rows.failed(errors.INVALID, "join", g:join("workers"))
rows.failed(errors.INVALID, "leave", g:leave("workers"))
rows.failed(errors.INVALID, "get_members", g:get_members("workers"))
rows.failed(errors.INVALID, "get_local_members", g:get_local_members("workers"))
rows.failed(errors.INVALID, "which_groups", g:which_groups())
rows.failed(errors.INVALID, "which_local_groups", g:which_local_groups())
rows.failed(errors.INVALID, "broadcast", g:broadcast("workers", "t"))
rows.failed(errors.INVALID, "broadcast_local", g:broadcast_local("workers", "t"))
rows.failed(errors.INVALID, "monitor", g:monitor("workers"))
rows.failed(errors.INVALID, "events", g:events())
t.eq(g:release(), true, "release is idempotent")
local fresh = assert(require("pg").open("app:pg"))
t.eq(fresh:get_local_members("workers"), { process.pid() }, "release did not leave the group")
t.done()
