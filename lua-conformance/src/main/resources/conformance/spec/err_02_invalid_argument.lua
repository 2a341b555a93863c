-- conformance: err_02_invalid_argument
-- tags: spec
-- nodes: 1
-- needs: core
-- covers: error:missing-or-empty-argument
-- describe: Errors row "Missing or empty argument | errors.INVALID", for every method.
local t = require("harness")
local rows = require("helpers.rows")
local g = assert(require("pg").open("app:pg"))
rows.failed(errors.INVALID, "pg.open()", require("pg").open())
rows.failed(errors.INVALID, "pg.open('')", require("pg").open(""))
rows.failed(errors.INVALID, "join()", g:join())
rows.failed(errors.INVALID, "join('')", g:join(""))
rows.failed(errors.INVALID, "join({})", g:join({}))
rows.failed(errors.INVALID, "leave()", g:leave())
rows.failed(errors.INVALID, "leave('')", g:leave(""))
rows.failed(errors.INVALID, "get_members()", g:get_members())
rows.failed(errors.INVALID, "get_local_members('')", g:get_local_members(""))
rows.failed(errors.INVALID, "broadcast() without topic", g:broadcast("workers"))
rows.failed(errors.INVALID, "broadcast('', topic)", g:broadcast("", "task"))
rows.failed(errors.INVALID, "broadcast_local(group, '')", g:broadcast_local("workers", ""))
rows.failed(errors.INVALID, "monitor()", g:monitor())
rows.failed(errors.INVALID, "monitor('')", g:monitor(""))
t.eq(g:which_local_groups(), {}, "no call changed anything")
t.done()
