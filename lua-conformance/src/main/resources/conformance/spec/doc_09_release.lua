-- conformance: doc_09_release
-- tags: spec
-- nodes: 1
-- needs: core
-- covers: method:group:release
-- describe: pg-api.txt "Releasing": release() is idempotent; every method then returns an error.
local t = require("harness")
local pg = require("pg")
local group = assert(pg.open("app:pg"))

t.eq(group:release(), true, "release returns true")

group:release()

t.eq(group:release(), true, "releasing twice is fine")
local ok, err = group:join("workers")
t.eq(ok, nil, "join after release fails")
t.err(err, errors.INVALID, "with INVALID")
t.done()
