/**
 * The Lua binding (LuaJ 3.0.1): Lua scripts as processes of a node, with the API of {@code
 * shared/spec/pg-api.txt}. This package runs scripts; {@link dev.procgroups.lua.api} holds the
 * modules scripts see, {@link dev.procgroups.lua.sandbox} the sandbox they run in (imports go root
 * → api → sandbox, never back). {@code docs/LUA.md} lists what scripts get.
 *
 * <p>{@link dev.procgroups.lua.LuaNode} runs each script as one process of a {@link
 * dev.procgroups.process.ProcessRuntime}, in its own sandboxed globals, on its own (virtual when
 * available) thread, with the built-in modules ({@link dev.procgroups.lua.api.BuiltinModules}) and
 * any added through the same {@link dev.procgroups.lua.api.LuaModule} interface; {@link
 * dev.procgroups.lua.LuaScripts} runs one script and waits for its {@link
 * dev.procgroups.lua.LuaRunResult} (status, output, error). A chunk that returns {@code nil, err}
 * fails with {@code tostring(err)}.
 */
package dev.procgroups.lua;
