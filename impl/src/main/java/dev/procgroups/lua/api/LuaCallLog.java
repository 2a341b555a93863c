package dev.procgroups.lua.api;

import dev.procgroups.pg.PgException;
import dev.procgroups.store.Subscription;
import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.LuaValue;

/**
 * One process's record for its {@link LuaObserver}: calls are passed on at once; returned errors
 * and opened subscriptions are kept (at most {@value #LIMIT} of each) and checked when the process
 * exits, before pg closes its subscriptions.
 */
final class LuaCallLog {

  static final int LIMIT = 1000;

  private record Returned(String method, LuaValue error) {}

  private record Opened(String method, Subscription subscription) {}

  private final LuaProcess process;
  private final LuaObserver observer;
  private final List<Returned> errors = new ArrayList<>();
  private final List<Opened> subscriptions = new ArrayList<>();

  LuaCallLog(LuaProcess process, LuaObserver observer) {
    this.process = process;
    this.observer = observer;
    if (observer != LuaObserver.NONE) {
      process.context().handle().onExit(this::report);
    }
  }

  void failed(String method, PgException e, LuaValue error) {
    observer.pgCall(process.pid(), method, e);
    if (observer != LuaObserver.NONE) {
      synchronized (this) {
        if (errors.size() < LIMIT) {
          errors.add(new Returned(method, error));
        }
      }
    }
  }

  void succeeded(String method) {
    observer.pgCall(process.pid(), method, null);
  }

  void subscribed(String method, Subscription subscription) {
    if (observer != LuaObserver.NONE) {
      synchronized (this) {
        if (subscriptions.size() < LIMIT) {
          subscriptions.add(new Opened(method, subscription));
        }
      }
    }
  }

  private synchronized void report() {
    for (Returned r : errors) {
      if (!LuaErrors.inspected(r.error())) {
        LuaErrors.Failure f = LuaErrors.failureOf(r.error());
        observer.errorIgnored(process.pid(), r.method(), f.kind(), f.message());
      }
    }
    for (Opened o : subscriptions) {
      if (!o.subscription().channel().isClosed()) {
        observer.subscriptionNotClosed(process.pid(), o.method());
      }
    }
  }
}
