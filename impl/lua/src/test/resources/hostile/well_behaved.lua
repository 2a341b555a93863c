-- After every attack: the node still runs an ordinary script.
local pg = require("pg")
local g = assert(pg.open("app:pg"))
assert(g:join("after"))
local inbox = process.listen("hello")
assert(g:broadcast("after", "hello", {n = 1, s = ("ok"):upper()}))
local payload = inbox:receive()
print(payload.s, payload.n, #g:get_members("after"))
