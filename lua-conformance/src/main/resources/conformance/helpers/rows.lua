-- Shared checks for the scripts of the doc's Permissions and Errors tables.
local t = require("harness")
local rows = {}

-- Asserts that a call failed with the given kind, in the documented number of values:
-- nil, err (two-value methods) or nil, nil, err (monitor / events).
function rows.failed(kind, what, ...)
  local n = select("#", ...)
  local err = n > 0 and select(n, ...) or nil
  local first = ...
  t.eq(first, nil, what .. ": the first value is nil")
  if n == 3 then t.eq((select(2, ...)), nil, what .. ": the second value is nil") end
  return t.err(err, kind, what .. ": the error kind is " .. kind)
end

-- A denied call: PERMISSION_DENIED, and then proof that the same call on another resource works.
function rows.denied(what, ...)
  return rows.failed(errors.PERMISSION_DENIED, what, ...)
end

return rows
