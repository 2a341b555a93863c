-- The conformance harness: TAP-style assertions plus the few host calls a script needs.
-- Every assertion prints one TAP line ("ok N - msg" / "not ok N - msg" with "# " diagnostics);
-- t.done() prints the plan. A script passes when it ends normally with no "not ok" line.
-- An assertion never raises: a check that raises (say, err:kind() on a value that is not an
-- error object) prints "not ok" with the error, and the script goes on to its next check.
--
-- Host functions come from the module "conformance.host", which the runtime under test provides
-- (see lua-conformance/CONTRACT.md, "The host module"):
--   host.node()                     -> index of the node this process runs on (1-based)
--   host.nodes()                    -> number of nodes in the cluster
--   host.spawn(node, helper, ...)   -> pid of a new process on that node running helpers/<helper>.lua
--                                      with the extra arguments as its varargs (strings or numbers)
--   host.sleep(ms)                  -> pauses the calling process
--   host.receive(ch, ms)            -> like ch:receive(), but gives up after ms milliseconds:
--                                      value, ok  or  nil, nil, "timeout"
local host = require("conformance.host")

local t = { host = host }
local count, failures = 0, 0

local function describe(v, depth)
  depth = depth or 0
  if type(v) == "string" then return string.format("%q", v) end
  if type(v) ~= "table" or depth > 3 then return tostring(v) end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local parts = {}
  for _, k in ipairs(keys) do
    parts[#parts + 1] = "[" .. describe(k, depth + 1) .. "]=" .. describe(v[k], depth + 1)
  end
  return "{" .. table.concat(parts, ", ") .. "}"
end
t.describe = describe

local function report(pass, msg, diag)
  count = count + 1
  if pass then
    print(string.format("ok %d - %s", count, msg))
  else
    failures = failures + 1
    print(string.format("not ok %d - %s", count, msg))
    if diag then print("# " .. diag:gsub("\n", "\n# ")) end
  end
  return pass
end

local function deep_equal(a, b)
  if type(a) ~= type(b) then return false end
  if type(a) ~= "table" then return a == b end
  for k, v in pairs(a) do if not deep_equal(v, b[k]) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end

-- Runs check() (which returns pass, diagnostic) and reports it; an error it raises is a failure.
local function checked(msg, check)
  local ran, pass, diag = pcall(check)
  if not ran then return report(false, msg, "the check raised: " .. tostring(pass)) end
  return report(pass, msg, diag)
end

function t.ok(value, msg)
  return checked(msg, function() return value and true or false, "got " .. describe(value) end)
end

function t.eq(actual, expected, msg)
  return checked(msg, function()
    return deep_equal(actual, expected),
      "expected " .. describe(expected) .. "\ngot      " .. describe(actual)
  end)
end

-- Compares two arrays of strings as multisets (member lists across nodes have no order).
function t.same_members(actual, expected, msg)
  local function counts(list)
    local c = {}
    for _, v in ipairs(list or {}) do c[v] = (c[v] or 0) + 1 end
    return c
  end
  return checked(msg, function()
    return type(actual) == "table" and deep_equal(counts(actual), counts(expected)),
      "expected " .. describe(expected) .. "\ngot      " .. describe(actual)
  end)
end

-- Asserts that err is an error object of the given kind (a string from the errors table).
function t.err(err, kind, msg)
  return checked(msg, function()
    local is = err ~= nil and errors.is(err, kind)
    if is then return true end
    local got = describe(err)
    if type(err) == "table" or type(err) == "userdata" then
      local ok, text = pcall(function()
        return tostring(err:kind()) .. ": " .. tostring(err:message())
      end)
      if ok then got = text end
    end
    return false, "expected an error of kind " .. tostring(kind) .. ", got " .. got
  end)
end

-- Polls fn until it returns a truthy value or timeout_ms passes; returns that value or nil.
function t.eventually(fn, timeout_ms)
  local waited = 0
  while waited <= (timeout_ms or 10000) do
    local v = fn()
    if v then return v end
    host.sleep(20)
    waited = waited + 20
  end
  return nil
end

-- Receives one value from ch, failing the test instead of blocking forever.
function t.receive(ch, timeout_ms, msg)
  local got, ok
  checked(msg or "a value arrived in time", function()
    local timeout
    got, ok, timeout = host.receive(ch, timeout_ms or 10000)
    return timeout == nil, "nothing arrived"
  end)
  return got, ok
end

-- Asserts that nothing arrives on ch within ms milliseconds.
function t.nothing(ch, ms, msg)
  return checked(msg or "nothing arrived", function()
    local got, _, timeout = host.receive(ch, ms or 200)
    return timeout ~= nil, "got " .. describe(got)
  end)
end

function t.done()
  print("1.." .. count)
  if failures > 0 then error(failures .. " of " .. count .. " assertions failed", 0) end
end

return t
