-- conformance: results_value_counts
-- tags: settled
-- nodes: 1
-- needs: core
-- describe: SEMANTICS "Results and errors": failures return nil, err or nil, nil, err.
local t = require("harness")
local g = assert(require("pg").open("app:pg"))
local sub, members, err = g:monitor("")
t.eq({ sub, members }, {}, "monitor('') gives nil, nil")
t.err(err, errors.INVALID, "and the error third")
local s2, snap, err2 = g:events()
t.ok(s2 ~= nil and type(snap) == "table" and err2 == nil, "events() succeeds with three values")
t.eq(select("#", g:join("")), 2, "join('') returns exactly two values")
t.eq(select("#", g:monitor("")), 3, "monitor('') returns exactly three values")
t.done()
