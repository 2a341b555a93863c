-- string.format pasting a 40 MiB string three times, then %q quadrupling control bytes.
local s = string.rep("x", 40 * 1024 * 1024)
local ok, err = pcall(string.format, "%s%s%s", s, s, s)
assert(not ok, "format built a 120 MiB string")
print(#string.format("%q", string.rep("\1", 40 * 1024 * 1024)))
