/**
 * The modules Lua scripts see, each a {@link dev.procgroups.lua.api.LuaModule} opened once per
 * process ({@link dev.procgroups.lua.api.BuiltinModules}):
 *
 * <ul>
 *   <li>{@code require("pg")}: {@code pg.open}, every instance method, subscriptions ({@link
 *       dev.procgroups.lua.api.LuaPgModule}); failures are {@code nil, err} ({@code nil, nil, err}
 *       for {@code monitor}/{@code events}), never a raised error.
 *   <li>{@code process}: {@code pid}, {@code send}, {@code listen(topic [, {message = true}])},
 *       {@code unlisten}, {@code inbox}, {@code spawn}, {@code kill} ({@link
 *       dev.procgroups.lua.api.LuaProcessModule}); messages have {@code msg:from()}, {@code
 *       msg:topic()}, {@code msg:payload()}.
 *   <li>{@code channel}: {@code channel.new([capacity])}, {@code ch:receive([timeout_ms])} → {@code
 *       value, true} / {@code nil, false} (closed) / {@code nil, false, "timeout"}, {@code
 *       ch:send(v)}, {@code ch:close()}, {@code channel.select(cases [, timeout_ms])} with {@code
 *       ch:case_receive()} / {@code ch:case_send(v)} ({@link dev.procgroups.lua.api.LuaSelect}).
 *   <li>{@code errors}: the kinds as strings, {@code errors.is(err, kind)}, {@code errors.new(kind,
 *       message)}; error objects with {@code err:kind()}, {@code err:message()}, {@code
 *       err:retryable()}, {@code tostring(err)} ({@link dev.procgroups.lua.api.LuaErrors}).
 *   <li>{@code require("time")}: {@code time.sleep(ms)}, {@code time.now()}.
 * </ul>
 *
 * Lua values cross between processes as payloads ({@link dev.procgroups.lua.api.LuaPayloads}).
 * Modules reach their node only through {@link dev.procgroups.lua.api.LuaHost}.
 */
package dev.procgroups.lua.api;
