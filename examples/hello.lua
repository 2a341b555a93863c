-- A small pg script: `./procgroups run examples/hello.lua` runs it and checks how it uses the API.
local pg = require("pg")

local group, err = pg.open("app:pg")
if err then
    return nil, err
end

local sub, members, err = group:monitor("greeters")
if err then
    return nil, err
end
print("greeters before:", #members)

local inbox = process.listen("hello")
assert(group:join("greeters"))
local event = sub:channel():receive(5000)
print("event:", event.kind, event.path)

assert(group:broadcast("greeters", "hello", {from = process.pid(), text = "hi"}))
local message = inbox:receive(5000)
print("received:", message.text)

sub:close()
inbox:close()
assert(group:leave("greeters"))
print("greeters after:", #group:get_members("greeters"))
