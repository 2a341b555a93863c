package dev.procgroups.lua.api;

import dev.procgroups.pg.ErrorKind;
import dev.procgroups.pg.PgException;
import dev.procgroups.process.Pid;

/**
 * What Lua processes did with the pg API, for script checks ({@code procgroups run}): every call
 * and its error, and, when a process exits, the error objects it never looked at and the
 * subscriptions it never closed. "Looked at" means {@code err:kind()}, {@code err:message()},
 * {@code err:retryable()}, {@code tostring(err)} (also through {@code print} or returning it) or
 * {@code errors.is}; a bare {@code if err then} test cannot be seen, so treat the ignored-error
 * report as a hint. Calls come from process threads: implementations must be thread-safe.
 */
public interface LuaObserver {

  /** Observes nothing. */
  LuaObserver NONE = new LuaObserver() {};

  /** A pg call ended; {@code error} is null on success. */
  default void pgCall(Pid process, String method, PgException error) {}

  /** At exit: an error a pg call returned that the process never looked at. */
  default void errorIgnored(Pid process, String method, ErrorKind kind, String message) {}

  /** At exit: a subscription the process opened and never closed. */
  default void subscriptionNotClosed(Pid process, String method) {}
}
