package dev.procgroups.lua.api;

import dev.procgroups.pg.ErrorKind;
import dev.procgroups.pg.PgException;
import dev.procgroups.process.RunningProcess;
import dev.procgroups.store.Subscription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luaj.vm2.LuaValue;

/**
 * One process's record for its {@link LuaObserver}: calls are passed on at once; returned errors
 * not yet looked at and opened subscriptions are counted per method (exactly, in memory bounded by
 * the methods, not the calls) and reported when the process exits, before pg closes its
 * subscriptions.
 */
final class LuaCallLog {

  /** Errors of one kind from one method that the script has not looked at (yet). */
  private static final class Unread {
    final String firstMessage;
    long count;

    Unread(String firstMessage) {
      this.firstMessage = firstMessage;
    }
  }

  private record ErrorKey(String method, ErrorKind kind) {}

  private record Opened(String method, Subscription subscription) {}

  private final LuaProcess process;
  private final LuaObserver observer;
  private final Map<ErrorKey, Unread> unread = new LinkedHashMap<>();
  private final List<Opened> subscriptions = new ArrayList<>();

  /** When the list of subscriptions next drops the closed ones (it doubles, amortized). */
  private int pruneAt = 64;

  LuaCallLog(LuaProcess process, LuaObserver observer) {
    this.process = process;
    this.observer = observer;
    if (observer != LuaObserver.NONE) {
      process.context().handle().onExit(this::report);
    }
  }

  void failed(String method, PgException e, LuaValue error) {
    observer.pgCall(process.pid(), method, e);
    if (observer == LuaObserver.NONE) {
      return;
    }
    ErrorKey key = new ErrorKey(method, e.kind());
    synchronized (this) {
      unread.computeIfAbsent(key, k -> new Unread(e.getMessage())).count++;
    }
    LuaErrors.onInspected(
        error,
        () -> {
          synchronized (this) {
            unread.get(key).count--;
          }
        });
  }

  void spawned(String script, RunningProcess child) {
    observer.spawned(process.pid(), script, child);
  }

  void succeeded(String method) {
    observer.pgCall(process.pid(), method, null);
  }

  void subscribed(String method, Subscription subscription) {
    if (observer != LuaObserver.NONE) {
      synchronized (this) {
        subscriptions.add(new Opened(method, subscription));
        if (subscriptions.size() >= pruneAt) {
          subscriptions.removeIf(o -> o.subscription().channel().isClosed());
          pruneAt = Math.max(64, 2 * subscriptions.size());
        }
      }
    }
  }

  private synchronized void report() {
    unread.forEach(
        (key, errors) -> {
          if (errors.count > 0) {
            observer.errorsIgnored(
                process.pid(), key.method(), key.kind(), errors.firstMessage, errors.count);
          }
        });
    Map<String, Long> open = new LinkedHashMap<>();
    for (Opened o : subscriptions) {
      if (!o.subscription().channel().isClosed()) {
        open.merge(o.method(), 1L, Long::sum);
      }
    }
    open.forEach((method, count) -> observer.subscriptionsNotClosed(process.pid(), method, count));
  }
}
