-- string.rep with a separator: 32 Mi copies of a 1-byte string joined by 64 bytes (2 GiB).
print(#string.rep("x", 32 * 1024 * 1024, string.rep("y", 64)))
