-- conformance: error_objects
-- tags: settled
-- nodes: 1
-- needs: core
-- describe: SEMANTICS "Results and errors": error objects and the errors table.
local t = require("harness")
local g = assert(require("pg").open("app:pg"))
t.eq({ errors.INVALID, errors.NOT_FOUND, errors.PERMISSION_DENIED, errors.UNAVAILABLE,
       errors.INTERNAL, errors.RATE_LIMITED },
     { "Invalid", "NotFound", "PermissionDenied", "Unavailable", "Internal", "RateLimited" },
     "the errors table holds the kinds as strings")
local _, err = g:join("")
t.eq(err:kind(), "Invalid", "err:kind()")
t.ok(type(err:message()) == "string" and #err:message() > 0, "err:message() is a non-empty string")
t.eq(err:retryable(), false, "an invalid argument is not retryable")
t.ok(tostring(err):find(err:message(), 1, true) ~= nil, "tostring(err) carries the message")
t.ok(errors.is(err, errors.INVALID), "errors.is matches the kind")
t.ok(not errors.is(err, errors.NOT_FOUND), "errors.is rejects another kind")
t.done()
