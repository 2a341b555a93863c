-- conformance: close_semantics
-- tags: settled
-- nodes: 1
-- needs: core
-- describe: SEMANTICS: close keeps buffered events, close{flush=true} discards them, twice is fine.
local t = require("harness")
local g = assert(require("pg").open("app:pg"))
local sub = assert(g:monitor("c"))
assert(g:join("c")); assert(g:join("c"))
t.eq(sub:close(), true, "close")
assert(g:join("c"))
local ch = sub:channel()
local e1, ok1 = ch:receive()
local e2, ok2 = ch:receive()
local e3, ok3 = ch:receive()
t.ok(ok1 and ok2 and e1.kind == "member.joined" and e2.kind == "member.joined",
     "the two buffered events are still received")
t.eq({ e3, ok3 }, { nil, false }, "then the channel reports closed, no event after close")
t.eq(sub:close(), true, "closing twice returns true")

local flushed = assert(g:monitor("c"))
assert(g:join("c"))
t.eq(flushed:close({ flush = true }), true, "close with flush")
t.eq({ flushed:channel():receive() }, { nil, false }, "the next receive reports closed at once")
t.done()
