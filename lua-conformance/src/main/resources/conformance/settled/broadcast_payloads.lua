-- conformance: broadcast_payloads
-- tags: settled
-- nodes: 1
-- needs: core
-- describe: SEMANTICS: zero payload values arrive as nil, one as itself, several as an array.
local t = require("harness")
local g = assert(require("pg").open("app:pg"))
local inbox = process.listen("p", { message = true })
assert(g:join("pay"))
assert(g:broadcast("pay", "p"))
assert(g:broadcast("pay", "p", { n = 1, list = { 1, 2, "x" }, yes = true }))
assert(g:broadcast("pay", "p", "a", 2, false))
local m0 = t.receive(inbox, 5000, "zero values")
local m1 = t.receive(inbox, 5000, "one value")
local m3 = t.receive(inbox, 5000, "three values")
t.eq(m0 and m0:payload(), nil, "zero values arrive as nil")
t.eq(m1 and m1:payload(), { n = 1, list = { 1, 2, "x" }, yes = true }, "a nested table arrives intact")
t.eq(m3 and m3:payload(), { "a", 2, false }, "several values arrive as an array")
t.eq(m1 and m1:from(), process.pid(), "the sender is the caller")
t.done()
