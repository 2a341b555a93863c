package dev.procgroups.lua.api;

import dev.procgroups.pg.ErrorKind;
import dev.procgroups.pg.PgException;
import dev.procgroups.process.Pid;
import dev.procgroups.process.RunningProcess;

/**
 * What Lua processes did with the pg API, for script checks ({@code procgroups run}): every call
 * and its error, and, when a process exits, the error objects it never looked at and the
 * subscriptions it never closed (counted exactly, per method), and the processes it spawned.
 * "Looked at" means {@code err:kind()}, {@code err:message()}, {@code err:retryable()}, {@code
 * tostring(err)} (also through {@code print} or returning it) or {@code errors.is}; a bare {@code
 * if err then} test cannot be seen, so treat the ignored-error report as a hint. Calls come from
 * process threads: implementations must be thread-safe.
 */
public interface LuaObserver {

  /** Observes nothing. */
  LuaObserver NONE = new LuaObserver() {};

  /** A pg call ended; {@code error} is null on success. */
  default void pgCall(Pid process, String method, PgException error) {}

  /**
   * At exit: {@code count} errors of {@code kind} that calls of {@code method} returned and the
   * process never looked at; {@code message} is the first one's.
   */
  default void errorsIgnored(
      Pid process, String method, ErrorKind kind, String message, long count) {}

  /** At exit: {@code count} subscriptions that calls of {@code method} opened, never closed. */
  default void subscriptionsNotClosed(Pid process, String method, long count) {}

  /** A process started {@code child}, the library's script {@code script}. */
  default void spawned(Pid process, String script, RunningProcess child) {}
}
