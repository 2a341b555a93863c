-- A reference runtime of the pg API (../shared/spec/pg-api.txt, settled by SEMANTICS.md) in plain
-- Lua 5.2, for runtime authors to read: one node, processes as coroutines, a virtual clock.
-- It provides what CONTRACT.md asks of a runtime: require("pg"), the global `errors`, the global
-- `process` (pid, listen, send) and channels; ../adapters/reference-lua.lua wires it to the suite.
--
-- Scheduling: a process runs until it blocks (a receive on an empty channel, a sleep); then the
-- next ready process runs. When none is ready the clock jumps to the earliest timer, so a script
-- that waits 10 s for a message that never comes finishes at once.
local M = {}

---------------------------------------------------------------------------------------------------
-- Errors: the kinds as strings, error objects with kind/message/retryable, errors.is.
local errors = { INVALID = "Invalid", NOT_FOUND = "NotFound",
  PERMISSION_DENIED = "PermissionDenied", UNAVAILABLE = "Unavailable", INTERNAL = "Internal",
  RATE_LIMITED = "RateLimited" }
local Error = {}
Error.__index = Error
Error.__tostring = function(e) return e.k .. ": " .. e.msg end
function Error:kind() return self.k end
function Error:message() return self.msg end
function Error:retryable() return self.k == errors.UNAVAILABLE or self.k == errors.RATE_LIMITED end
function errors.is(err, kind) return getmetatable(err) == Error and err.k == kind end
local function fail(kind, msg) return setmetatable({ k = kind, msg = msg }, Error) end
M.errors = errors

---------------------------------------------------------------------------------------------------
-- Scheduler: processes, a ready queue and timers on a virtual clock (milliseconds).
local now, next_id = 0, 0
local processes, ready, timers = {}, {}, {}
local current -- the running process
local on_exit -- called with every process that ends (pg cleans up its slots there)

local function wake(p)
  if not p.queued and not p.dead then p.queued = true; ready[#ready + 1] = p end
end

-- Blocks the running process until something wakes it, or until `deadline` when given.
local function block(deadline)
  if deadline then timers[#timers + 1] = { at = deadline, p = current } end
  coroutine.yield()
end

function M.sleep(ms)
  local until_ms = now + ms
  while now < until_ms do block(until_ms) end
end

-- Starts `fn(...)` as a new process and returns its pid.
function M.spawn(fn, ...)
  next_id = next_id + 1
  local args, n = { ... }, select("#", ...)
  local p = { pid = string.format("{ref@local|%06x}", next_id), inbox = {}, subs = {} }
  p.co = coroutine.create(function() return fn(table.unpack(args, 1, n)) end)
  processes[p.pid] = p
  wake(p)
  return p.pid
end

local function step(p)
  p.queued = false
  current = p
  local ok, err = coroutine.resume(p.co)
  current = nil
  if coroutine.status(p.co) == "dead" then
    p.dead, processes[p.pid] = true, nil
    if not ok then p.error = debug.traceback(p.co, tostring(err)) end
    on_exit(p)
  end
end

-- Runs until the process `main` ends; returns true, or false and why.
function M.run(main)
  while true do
    while #ready > 0 do step(table.remove(ready, 1)) end
    if main.dead then return main.error == nil, main.error end
    if #timers == 0 then return false, "deadlock: every process waits and no timer is set" end
    table.sort(timers, function(a, b) return a.at < b.at end)
    local timer = table.remove(timers, 1)
    now = math.max(now, timer.at)
    wake(timer.p)
  end
end

function M.process(pid) return processes[pid] end

---------------------------------------------------------------------------------------------------
-- Channels: FIFO queues that a process blocks on. `capacity` bounds it (later pushes are dropped
-- and counted); `unwrap` turns a message into its payload on receive (process.listen without
-- {message = true}).
local Channel = {}
Channel.__index = Channel
local function channel(capacity, unwrap)
  return setmetatable({ items = {}, capacity = capacity, unwrap = unwrap, dropped = 0 }, Channel)
end

function Channel:push(value)
  if self.closed then return end
  if self.capacity and #self.items >= self.capacity then
    self.dropped = self.dropped + 1
    return
  end
  self.items[#self.items + 1] = value
  if self.waiter then wake(self.waiter) end
end

function Channel:close(flush)
  self.closed = true
  if flush then self.items = {} end
  if self.waiter then wake(self.waiter) end
end

-- value, true  |  nil, false once closed and empty  |  nil, nil, "timeout" after `ms` (optional)
function M.receive(ch, ms)
  local deadline = ms and now + ms
  while #ch.items == 0 and not ch.closed do
    if deadline and now >= deadline then return nil, nil, "timeout" end
    ch.waiter = current
    block(deadline)
    ch.waiter = nil
  end
  if #ch.items == 0 then return nil, false end
  local value = table.remove(ch.items, 1)
  if ch.unwrap then value = value:payload() end
  return value, true
end
function Channel:receive() return M.receive(self) end

---------------------------------------------------------------------------------------------------
-- Messages between processes: a copy of the payload, the sender and the topic.
local Message = {}
Message.__index = Message
function Message:from() return self.sender end
function Message:topic() return self.name end
function Message:payload() return self.body end

local function copy(v)
  if type(v) ~= "table" then return v end
  local c = {}
  for k, x in pairs(v) do c[k] = copy(x) end
  return c
end

local function copyable(v, depth)
  local kind = type(v)
  if kind == "table" then
    if depth > 32 then return false end
    for k, x in pairs(v) do
      if not copyable(k, depth + 1) or not copyable(x, depth + 1) then return false end
    end
    return true
  end
  return kind == "nil" or kind == "boolean" or kind == "number" or kind == "string"
end

-- A process's mailbox holds one channel per topic, made on first use, so that a message sent
-- before the receiver listens waits for it.
local function inbox(p, topic)
  p.inbox[topic] = p.inbox[topic] or channel()
  return p.inbox[topic]
end

local function deliver(pid, topic, sender, body)
  local p = processes[pid]
  if p then inbox(p, topic):push(setmetatable({ sender = sender, name = topic, body = copy(body) },
    Message)) end
end

M.process_module = {
  pid = function() return current.pid end,
  listen = function(topic, opts)
    local ch = inbox(current, topic)
    ch.unwrap = not (opts and opts.message)
    return ch
  end,
  send = function(pid, topic, value)
    if not copyable(value, 0) then return nil, fail(errors.INVALID, "payload cannot be copied") end
    deliver(pid, topic, current.pid, value)
    return true
  end,
}

---------------------------------------------------------------------------------------------------
-- pg: scopes of groups; a group is the list of its member slots (pids, in join order).
local NAME_LIMIT = 1024 -- bytes (docs/DECISIONS.md)
local BUFFER = 64       -- events a subscription holds (pg-api.txt)
local scopes = {}       -- id -> { groups = {name -> {pid...}}, monitors = {name -> {sub}},
                        --         watchers = {sub} }
local policy = { denied = {} } -- action -> resource -> true ("*" = any)

function M.add_scope(id) scopes[id] = { groups = {}, monitors = {}, watchers = {} } end
function M.deny(action, resource)
  policy.denied[action] = policy.denied[action] or {}
  policy.denied[action][resource] = true
end
local function allows(action, resource)
  local rule = policy.denied[action]
  return not (rule and (rule[resource] or rule["*"]))
end

local function valid_name(v) return type(v) == "string" and #v > 0 and #v <= NAME_LIMIT end

-- The names of a single-or-batch argument, or nil when it is not valid.
local function names_of(arg)
  if valid_name(arg) then return { arg } end
  if type(arg) ~= "table" or #arg == 0 then return nil end
  for i = 1, #arg do if not valid_name(arg[i]) then return nil end end
  return arg
end

local Subscription = {}
Subscription.__index = Subscription
function Subscription:channel() return self.ch end
function Subscription:dropped() return self.ch.dropped end
function Subscription:close(opts)
  local list = self.list
  for i = #list, 1, -1 do if list[i] == self then table.remove(list, i) end end
  self.ch:close(opts and opts.flush)
  return true
end

local function subscribe(list)
  local sub = setmetatable({ ch = channel(BUFFER), list = list }, Subscription)
  list[#list + 1] = sub
  current.subs[#current.subs + 1] = sub
  return sub
end

-- One event per group: `pids` lists the pid once per slot added or removed.
local function publish(scope, kind, group, pids)
  local event = { system = "pg", kind = kind, path = group, data = { Group = group, PIDs = pids } }
  for _, sub in ipairs(scope.monitors[group] or {}) do sub.ch:push(copy(event)) end
  for _, sub in ipairs(scope.watchers) do sub.ch:push(copy(event)) end
end

-- Applies `change(name)` (the number of slots it added or removed) to each name; publishes one
-- event per group, in the order groups first appear, with the pid once per changed slot.
local function change_each(scope, kind, pid, names, change)
  local order, counts = {}, {}
  for _, name in ipairs(names) do
    local n = change(name)
    if n > 0 then
      if not counts[name] then order[#order + 1] = name end
      counts[name] = (counts[name] or 0) + n
    end
  end
  for _, name in ipairs(order) do
    local pids = {}
    for i = 1, counts[name] do pids[i] = pid end
    publish(scope, kind, name, pids)
  end
  return #order > 0
end

local function add_slot(scope, pid, name)
  scope.groups[name] = scope.groups[name] or {}
  table.insert(scope.groups[name], pid)
  return 1
end

-- Removes the process's most recent slot in the group (docs/DECISIONS.md: stack order).
local function remove_slot(scope, pid, name)
  local slots = scope.groups[name] or {}
  for i = #slots, 1, -1 do
    if slots[i] == pid then
      table.remove(slots, i)
      if #slots == 0 then scope.groups[name] = nil end
      return 1
    end
  end
  return 0
end

local function group_names(scope)
  local names = {}
  for name in pairs(scope.groups) do names[#names + 1] = name end
  return names
end

local Instance = {}
Instance.__index = Instance

-- Wraps a method with the checks every call makes, in the order of docs/DECISIONS.md: released,
-- then arguments, then permission. `check(self, ...)` returns the resources to authorize, or nil
-- when an argument is invalid; `nils` is the number of nils before the error (1, or 2 for
-- monitor and events).
local function method(action, nils, check, act)
  return function(self, ...)
    local function failed(kind, msg)
      if nils == 2 then return nil, nil, fail(kind, msg) end
      return nil, fail(kind, msg)
    end
    if self.released then return failed(errors.INVALID, "instance released") end
    local resources = check(self, ...)
    if not resources then return failed(errors.INVALID, "invalid argument") end
    for _, resource in ipairs(resources) do
      if not allows(action, resource) then
        return failed(errors.PERMISSION_DENIED, action .. " on " .. resource)
      end
    end
    return act(self, ...)
  end
end

local function one_group(_, group) return valid_name(group) and { group } or nil end
local function the_scope(self) return { self.scope_id } end
local function members(self, group) return copy(self.scope.groups[group] or {}) end
local function groups(self) return group_names(self.scope) end

Instance.join = method("pg.join", 1, function(_, arg) return names_of(arg) end,
  function(self, arg)
    change_each(self.scope, "member.joined", self.pid, names_of(arg), function(name)
      self.owner.log[#self.owner.log + 1] = { scope = self.scope, group = name }
      return add_slot(self.scope, self.pid, name)
    end)
    return true
  end)

Instance.leave = method("pg.leave", 1, function(_, arg) return names_of(arg) end,
  function(self, arg)
    local log = self.owner.log
    local left = change_each(self.scope, "member.left", self.pid, names_of(arg), function(name)
      for i = #log, 1, -1 do -- forget the slot's join, so exit orders groups by surviving slots
        if log[i].scope == self.scope and log[i].group == name then
          table.remove(log, i)
          break
        end
      end
      return remove_slot(self.scope, self.pid, name)
    end)
    if not left then return nil, fail(errors.INVALID, "not a member of any named group") end
    return true
  end)

Instance.get_members = method("pg.get_members", 1, one_group, members)
Instance.get_local_members = method("pg.get_local_members", 1, one_group, members)
Instance.which_groups = method("pg.which_groups", 1, the_scope, groups)
Instance.which_local_groups = method("pg.which_local_groups", 1, the_scope, groups)

local function broadcast(action)
  return method(action, 1, function(_, group, topic, ...)
    if not valid_name(group) or not valid_name(topic) then return nil end
    for i = 1, select("#", ...) do
      if not copyable((select(i, ...)), 0) then return nil end
    end
    return { group }
  end, function(self, group, topic, ...)
    local n, body = select("#", ...), (...)
    if n > 1 then body = { ... } end
    for _, pid in ipairs(self.scope.groups[group] or {}) do deliver(pid, topic, self.pid, body) end
    return true
  end)
end
Instance.broadcast = broadcast("pg.broadcast")
Instance.broadcast_local = broadcast("pg.broadcast_local")

Instance.monitor = method("pg.monitor", 2, one_group, function(self, group)
  self.scope.monitors[group] = self.scope.monitors[group] or {}
  return subscribe(self.scope.monitors[group]), members(self, group)
end)

Instance.events = method("pg.events", 2, the_scope, function(self)
  return subscribe(self.scope.watchers), copy(self.scope.groups)
end)

function Instance:release()
  self.released = true
  return true
end

-- Process exit: close its subscriptions, then leave every slot, one member.left per group in the
-- order of its oldest surviving slot there (docs/DECISIONS.md).
on_exit = function(p)
  for _, sub in ipairs(p.subs) do sub:close() end
  for _, entry in ipairs(p.log or {}) do
    change_each(entry.scope, "member.left", p.pid, { entry.group }, function(name)
      local removed = 0
      while remove_slot(entry.scope, p.pid, name) == 1 do removed = removed + 1 end
      return removed
    end)
  end
end

M.pg_module = {
  open = function(id)
    if not valid_name(id) then return nil, fail(errors.INVALID, "scope id") end
    if not allows("pg.open", id) then
      return nil, fail(errors.PERMISSION_DENIED, "pg.open " .. id)
    end
    local scope = scopes[id]
    if not scope then return nil, fail(errors.NOT_FOUND, "no scope " .. id) end
    current.log = current.log or {}
    return setmetatable({ scope = scope, scope_id = id, pid = current.pid, owner = current },
      Instance)
  end,
}

return M
