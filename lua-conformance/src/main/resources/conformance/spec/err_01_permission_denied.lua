-- conformance: err_01_permission_denied
-- tags: spec
-- nodes: 1
-- needs: core policy
-- covers: error:permission-denied
-- deny: pg.get_members *
-- describe: Errors row "Permission denied | errors.PERMISSION_DENIED".
local t = require("harness")
local g = assert(require("pg").open("app:pg"))
local members, err = g:get_members("workers")
t.eq(members, nil, "no result")
t.err(err, errors.PERMISSION_DENIED, "the kind is PERMISSION_DENIED")
t.eq(errors.PERMISSION_DENIED, "PermissionDenied", "the kind's string")
t.eq(err:kind(), "PermissionDenied", "err:kind() gives it")
t.done()
