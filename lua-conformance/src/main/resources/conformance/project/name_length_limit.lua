-- conformance: name_length_limit
-- tags: project
-- nodes: 1
-- needs: core limits
-- describe: docs/DECISIONS.md: a group name or topic is at most 1024 bytes; longer is INVALID.
local t = require("harness")
local rows = require("helpers.rows")
local g = assert(require("pg").open("app:pg"))
local longest, over = string.rep("x", 1024), string.rep("x", 1025)
t.eq(g:join(longest), true, "a name of 1024 bytes is a name")
rows.failed(errors.INVALID, "join of a 1025-byte name", g:join(over))
rows.failed(errors.INVALID, "join of a 1 MiB name", g:join(string.rep("x", 1024 * 1024)))
rows.failed(errors.INVALID, "a 1025-byte topic", g:broadcast(longest, over))
t.eq(g:which_local_groups(), { longest }, "only the 1024-byte name was joined")
t.done()
