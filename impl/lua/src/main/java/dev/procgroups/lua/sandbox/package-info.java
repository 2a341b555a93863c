/**
 * The sandbox a Lua process runs in, and the fixes to LuaJ 3.0.1 it needs. {@link
 * dev.procgroups.lua.sandbox.LuaSandbox}: no {@code io}, {@code debug}, {@code luajava}, {@code
 * os.exit}, file loading or binary chunks; {@code require} knows only the node's modules; the
 * JVM-wide string metatable is frozen. {@link dev.procgroups.lua.sandbox.InstructionBudget}: every
 * 10,000 instructions a process yields its thread and stops if killed; a process's end also ends
 * its coroutines' threads. {@code pcall} catches stack overflows. Bounds ({@link
 * dev.procgroups.lua.sandbox.LuaAllocations}, {@link dev.procgroups.lua.sandbox.MemoryGuard}): 64
 * MiB per string, and a per-process memory account. Number formatting and -0 ({@link
 * dev.procgroups.lua.sandbox.LuaJPatch}), {@code string.format}, {@code gmatch}, {@code rep},
 * {@code upper}/{@code lower}, {@code os.time}, {@code math.log}, {@code __pairs} and error
 * positions behave as in Lua 5.2. Nothing here knows the modules or the node.
 */
package dev.procgroups.lua.sandbox;
