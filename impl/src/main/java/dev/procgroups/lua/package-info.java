/**
 * The Lua binding (LuaJ 3.0.1): Lua scripts as processes of a node, with the API of
 * {@code shared/spec/pg-api.txt}.
 *
 * <h2>Running scripts</h2>
 * {@link dev.procgroups.lua.LuaNode} runs each script as one process of a
 * {@link dev.procgroups.process.ProcessRuntime}, in its own sandboxed globals, on its own (virtual
 * when available) thread; {@link dev.procgroups.lua.LuaScripts} runs one script and waits for its
 * {@link dev.procgroups.lua.LuaRunResult} (status, output, error). A chunk that returns
 * {@code nil, err} fails with {@code tostring(err)}.
 *
 * <h2>What scripts see</h2>
 * <ul>
 *   <li>{@code require("pg")}: {@code pg.open}, every instance method, subscriptions
 *       ({@link dev.procgroups.lua.LuaPgModule}); failures are {@code nil, err} ({@code nil, nil,
 *       err} for {@code monitor}/{@code events}), never a raised error.
 *   <li>{@code process}: {@code pid}, {@code send}, {@code listen(topic [, {message = true}])},
 *       {@code unlisten}, {@code inbox}, {@code spawn}, {@code kill}
 *       ({@link dev.procgroups.lua.LuaProcessModule}); messages have {@code msg:from()},
 *       {@code msg:topic()}, {@code msg:payload()}.
 *   <li>{@code channel}: {@code channel.new([capacity])}, {@code ch:receive([timeout_ms])} →
 *       {@code value, true} / {@code nil, false} (closed) / {@code nil, false, "timeout"},
 *       {@code ch:send(v)}, {@code ch:close()}, {@code channel.select(cases [, timeout_ms])} with
 *       {@code ch:case_receive()} / {@code ch:case_send(v)} ({@link dev.procgroups.lua.LuaSelect}).
 *   <li>{@code errors}: the kinds as strings, {@code errors.is(err, kind)},
 *       {@code errors.new(kind, message)}; error objects with {@code err:kind()},
 *       {@code err:message()}, {@code err:retryable()}, {@code tostring(err)}
 *       ({@link dev.procgroups.lua.LuaErrors}).
 *   <li>{@code require("time")}: {@code time.sleep(ms)}, {@code time.now()}.
 * </ul>
 * Lua values cross between processes as payloads ({@link dev.procgroups.lua.LuaPayloads}).
 *
 * <h2>Sandbox and LuaJ fixes</h2>
 * {@link dev.procgroups.lua.LuaSandbox}: no {@code io}, {@code debug}, {@code luajava},
 * {@code os.exit}, file loading or binary chunks; {@code require} knows only the node's modules;
 * the JVM-wide string metatable is frozen. {@link dev.procgroups.lua.InstructionBudget}: every
 * 10,000 instructions a process yields its thread and stops if killed; a process's end also ends
 * its coroutines' threads. {@code pcall} catches stack overflows. Bounds
 * ({@link dev.procgroups.lua.LuaAllocations}, {@link dev.procgroups.lua.MemoryGuard}): 64 MiB per
 * string, and a per-process memory account checked before every large allocation. Number
 * formatting and -0 ({@link dev.procgroups.lua.LuaJPatch}), {@code string.format}, {@code gmatch},
 * {@code rep}, {@code upper}/{@code lower}, {@code os.time}, {@code math.log}, {@code __pairs} and
 * error positions behave as in Lua 5.2.
 */
package dev.procgroups.lua;
