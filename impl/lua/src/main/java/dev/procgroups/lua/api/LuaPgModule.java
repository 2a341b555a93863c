package dev.procgroups.lua.api;

import dev.procgroups.lua.sandbox.FrozenTable;
import dev.procgroups.pg.ErrorKind;
import dev.procgroups.pg.Pg;
import dev.procgroups.pg.PgException;
import dev.procgroups.pg.PgInstance;
import dev.procgroups.process.Pid;
import dev.procgroups.store.EventsSnapshot;
import dev.procgroups.store.GroupEvent;
import dev.procgroups.store.MonitorSnapshot;
import dev.procgroups.store.Subscription;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code require("pg")} for one process: {@code pg.open(id)} and the methods of the instance and of
 * subscriptions, with results and errors as SEMANTICS.md settles them: the documented values on
 * success, {@code nil, err} (or {@code nil, nil, err} for {@code monitor}/{@code events}) on
 * failure. No argument makes a method raise a Lua error: a wrong {@code self} (a call with {@code
 * .} instead of {@code :}) is INVALID too.
 */
final class LuaPgModule {

  private static final LuaTable INSTANCE_METATABLE = instanceMetatable();
  private static final LuaTable SUBSCRIPTION_METATABLE = subscriptionMetatable();

  private LuaPgModule() {}

  static LuaTable open(LuaProcess process, Pg pg) {
    LuaTable module = new LuaTable();
    module.rawset(
        "open",
        new VarArgFunction() {
          @Override
          public Varargs invoke(Varargs args) {
            try {
              PgInstance instance =
                  pg.open(process.context().handle(), LuaArguments.name(args.arg1(), "id"));
              process.log().succeeded("open");
              return new LuaUserdata(new Bound(instance, process), INSTANCE_METATABLE);
            } catch (PgException e) {
              Varargs failure = LuaCalls.fail(e);
              process.log().failed("open", e, failure.arg(2));
              return failure;
            }
          }
        });
    return module;
  }

  /** An instance with the process that opened it (its budget, for subscription channels). */
  private record Bound(PgInstance instance, LuaProcess process) {}

  /** A pg call that may fail; its Lua results on success. */
  private interface Call {
    Varargs run(Bound self, Varargs args) throws PgException;
  }

  private static LuaTable instanceMetatable() {
    LuaTable methods = new LuaTable();
    methods.rawset(
        "join",
        twoValue(
            "join",
            (s, a) -> {
              s.instance().join(LuaArguments.names(a.arg(2), "group"));
              return LuaValue.TRUE;
            }));
    methods.rawset(
        "leave",
        twoValue(
            "leave",
            (s, a) -> {
              s.instance().leave(LuaArguments.names(a.arg(2), "group"));
              return LuaValue.TRUE;
            }));
    methods.rawset(
        "get_members",
        twoValue(
            "get_members",
            (s, a) -> pids(s.instance().getMembers(LuaArguments.names(a.arg(2), "group")))));
    methods.rawset(
        "get_local_members",
        twoValue(
            "get_local_members",
            (s, a) -> pids(s.instance().getLocalMembers(LuaArguments.names(a.arg(2), "group")))));
    methods.rawset(
        "which_groups", twoValue("which_groups", (s, a) -> strings(s.instance().whichGroups())));
    methods.rawset(
        "which_local_groups",
        twoValue("which_local_groups", (s, a) -> strings(s.instance().whichLocalGroups())));
    methods.rawset("broadcast", twoValue("broadcast", (s, a) -> broadcast(s, a, false)));
    methods.rawset("broadcast_local", twoValue("broadcast_local", (s, a) -> broadcast(s, a, true)));
    methods.rawset(
        "monitor",
        threeValue(
            "monitor",
            (s, a) -> {
              MonitorSnapshot snapshot =
                  s.instance().monitor(LuaArguments.names(a.arg(2), "group"));
              return LuaValue.varargsOf(
                  subscription(snapshot.subscription(), s.process(), "monitor"),
                  pids(snapshot.members()));
            }));
    methods.rawset(
        "events",
        threeValue(
            "events",
            (s, a) -> {
              EventsSnapshot snapshot = s.instance().events();
              return LuaValue.varargsOf(
                  subscription(snapshot.subscription(), s.process(), "events"),
                  groups(snapshot.groups()));
            }));
    methods.rawset(
        "release",
        new VarArgFunction() {
          @Override
          public Varargs invoke(Varargs args) {
            Bound self = self(args.arg1());
            return self == null
                ? LuaCalls.fail(ErrorKind.INVALID, "release: instance expected")
                : valueOf(self.instance().release());
          }
        });
    return FrozenTable.metatable(methods, "pg.Instance");
  }

  private static Varargs broadcast(Bound self, Varargs args, boolean local) throws PgException {
    Object group = LuaArguments.name(args.arg(2), "group");
    Object topic = LuaArguments.name(args.arg(3), "topic");
    Object[] payload;
    try {
      payload = LuaPayloads.toJava(args, 4);
    } catch (PayloadException e) {
      // Let the instance check what comes first (released, group, topic), then report the payload.
      Object[] refused = {new Object()};
      try {
        call(self.instance(), local, group, topic, refused);
      } catch (PgException earlier) {
        if (!earlier.getMessage().startsWith("payload")) {
          throw earlier;
        }
      }
      throw new PgException(ErrorKind.INVALID, e.getMessage());
    }
    call(self.instance(), local, group, topic, payload);
    return LuaValue.TRUE;
  }

  private static void call(
      PgInstance instance, boolean local, Object group, Object topic, Object[] payload)
      throws PgException {
    if (local) {
      instance.broadcastLocal(group, topic, payload);
    } else {
      instance.broadcast(group, topic, payload);
    }
  }

  private static LuaValue subscription(
      Subscription subscription, LuaProcess process, String method) {
    process.log().subscribed(method, subscription);
    LuaValue channel =
        LuaChannel.receiving(
            subscription.channel(), LuaPgModule::event, subscription::close, process.budget());
    return new LuaUserdata(new Sub(subscription, channel), SUBSCRIPTION_METATABLE);
  }

  /** A subscription and its channel userdata (the same one on every {@code sub:channel()}). */
  private record Sub(Subscription subscription, LuaValue channel) {}

  private static LuaTable subscriptionMetatable() {
    LuaTable methods = new LuaTable();
    methods.rawset("channel", subscriptionMethod((sub, args) -> sub.channel()));
    methods.rawset(
        "close",
        subscriptionMethod(
            (sub, args) -> {
              boolean flush = args.arg(2).istable() && args.arg(2).get("flush").toboolean();
              return LuaValue.valueOf(sub.subscription().close(flush));
            }));
    methods.rawset(
        "dropped",
        subscriptionMethod((sub, args) -> LuaValue.valueOf((double) sub.subscription().dropped())));
    return FrozenTable.metatable(methods, "pg.Subscription");
  }

  private interface SubscriptionMethod {
    Varargs run(Sub sub, Varargs args);
  }

  private static LuaValue subscriptionMethod(SubscriptionMethod body) {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        if (args.arg1() instanceof LuaUserdata u && u.m_instance instanceof Sub sub) {
          return body.run(sub, args);
        }
        return LuaCalls.fail(
            ErrorKind.INVALID, "subscription expected, got " + args.arg1().typename());
      }
    };
  }

  /** {@code {system, kind, path, data = {Group, PIDs}}}. */
  static LuaTable event(GroupEvent event) {
    LuaTable data = new LuaTable();
    data.rawset("Group", LuaValue.valueOf(event.group()));
    data.rawset("PIDs", pids(event.pids()));
    LuaTable t = new LuaTable();
    t.rawset("system", LuaValue.valueOf(event.system()));
    t.rawset("kind", LuaValue.valueOf(event.kind().wireName()));
    t.rawset("path", LuaValue.valueOf(event.path()));
    t.rawset("data", data);
    return t;
  }

  private static LuaTable pids(List<Pid> pids) {
    LuaTable t = new LuaTable(pids.size(), 0);
    for (int i = 0; i < pids.size(); i++) {
      t.rawset(i + 1, LuaValue.valueOf(pids.get(i).toString()));
    }
    return t;
  }

  private static LuaTable strings(Collection<String> values) {
    LuaTable t = new LuaTable(values.size(), 0);
    int i = 1;
    for (String value : values) {
      t.rawset(i++, LuaValue.valueOf(value));
    }
    return t;
  }

  private static LuaTable groups(Map<String, List<Pid>> groups) {
    LuaTable t = new LuaTable();
    groups.forEach((group, members) -> t.rawset(group, pids(members)));
    return t;
  }

  private static Bound self(LuaValue value) {
    return value instanceof LuaUserdata u && u.m_instance instanceof Bound b ? b : null;
  }

  private static LuaValue twoValue(String name, Call body) {
    return method(name, body, false);
  }

  private static LuaValue threeValue(String name, Call body) {
    return method(name, body, true);
  }

  private static LuaValue method(String methodName, Call body, boolean threeValues) {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        Bound self = self(args.arg1());
        if (self == null) {
          return failure(
              new PgException(
                  ErrorKind.INVALID,
                  "instance expected (call methods with ':'), got " + args.arg1().typename()));
        }
        try {
          // A released instance fails every call with "instance released", before its arguments
          // are looked at (LuaArguments refuses bad ones before the call): call it without them.
          Varargs result = body.run(self, self.instance().isReleased() ? args.arg1() : args);
          self.process().log().succeeded(methodName);
          return result;
        } catch (PgException e) {
          return logged(self, e);
        } catch (RuntimeException bug) {
          return logged(self, new PgException(ErrorKind.INTERNAL, String.valueOf(bug)));
        }
      }

      private Varargs logged(Bound self, PgException e) {
        Varargs failure = failure(e);
        self.process().log().failed(methodName, e, failure.arg(failure.narg()));
        return failure;
      }

      private Varargs failure(PgException e) {
        return threeValues ? LuaCalls.fail3(e) : LuaCalls.fail(e);
      }
    };
  }
}
