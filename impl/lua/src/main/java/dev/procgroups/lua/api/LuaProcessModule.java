package dev.procgroups.lua.api;

import dev.procgroups.pg.ErrorKind;
import dev.procgroups.pg.PayloadSize;
import dev.procgroups.process.MailboxFullException;
import dev.procgroups.process.Pid;
import dev.procgroups.process.RunningProcess;
import java.util.Optional;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.ZeroArgFunction;

/**
 * The {@code process} global of one Lua process.
 *
 * <ul>
 *   <li>{@code process.pid()}: this process's PID string.
 *   <li>{@code process.send(pid, topic, ...)}: sends the values (copied; none → nil, one → it,
 *       several → an array) → {@code true}, or {@code nil, err}: INVALID for a bad PID, topic or
 *       payload, UNAVAILABLE (retryable) if the receiver is local and its mailbox is full.
 *   <li>{@code process.listen(topic [, {message = true}])}: the channel of messages under {@code
 *       topic}: each receive gives the payload, or with {@code message = true} a message ({@code
 *       msg:from()}, {@code msg:topic()}, {@code msg:payload()}). Closing it stops listening.
 *   <li>{@code process.unlisten(topic)}; {@code process.inbox()}: the channel (of messages) of
 *       topics nobody listens to.
 *   <li>{@code process.spawn(script, ...)}: starts a script of the node's library as a new process
 *       with {@code ...} as its arguments → its PID, or {@code nil, err} (NOT_FOUND, INVALID).
 *   <li>{@code process.kill(pid)}: kills a local process → whether it was alive.
 * </ul>
 */
final class LuaProcessModule {

  private LuaProcessModule() {}

  static LuaTable open(LuaProcess process) {
    LuaTable module = new LuaTable();
    module.rawset(
        "pid",
        new ZeroArgFunction() {
          @Override
          public LuaValue call() {
            return valueOf(process.pid().toString());
          }
        });
    module.rawset(
        "send",
        new VarArgFunction() {
          @Override
          public Varargs invoke(Varargs args) {
            return send(process, args);
          }
        });
    module.rawset(
        "listen",
        new VarArgFunction() {
          @Override
          public Varargs invoke(Varargs args) {
            String topic = topic(args.arg1(), "listen");
            boolean asMessages = args.arg(2).istable() && args.arg(2).get("message").toboolean();
            return LuaChannel.receiving(
                process.context().listen(topic),
                asMessages ? LuaMessages::of : m -> LuaPayloads.toLua(m.payload()),
                () -> process.context().unlisten(topic),
                process.budget());
          }
        });
    module.rawset(
        "unlisten",
        new OneArgFunction() {
          @Override
          public LuaValue call(LuaValue topic) {
            process.context().unlisten(topic(topic, "unlisten"));
            return TRUE;
          }
        });
    module.rawset(
        "inbox",
        new ZeroArgFunction() {
          @Override
          public LuaValue call() {
            return LuaChannel.receiving(
                process.context().inbox(), LuaMessages::of, () -> {}, process.budget());
          }
        });
    module.rawset(
        "spawn",
        new VarArgFunction() {
          @Override
          public Varargs invoke(Varargs args) {
            return spawn(process, args);
          }
        });
    module.rawset(
        "kill",
        new OneArgFunction() {
          @Override
          public LuaValue call(LuaValue pid) {
            Optional<Pid> target = pid(pid);
            return valueOf(target.isPresent() && process.context().runtime().kill(target.get()));
          }
        });
    return module;
  }

  private static Varargs send(LuaProcess process, Varargs args) {
    Optional<Pid> to = pid(args.arg1());
    if (to.isEmpty()) {
      return LuaCalls.fail(
          ErrorKind.INVALID, "pid must be a PID string, got " + describe(args.arg1()));
    }
    if (!args.arg(2).isstring() || args.arg(2).isnumber() || args.arg(2).length() == 0) {
      return LuaCalls.fail(ErrorKind.INVALID, "topic must be a non-empty string");
    }
    try {
      Object[] payload = LuaPayloads.toJava(args, 3);
      PayloadSize.check(payload);
      process.context().send(to.get(), args.arg(2).tojstring(), payload);
    } catch (IllegalArgumentException badPayload) {
      return LuaCalls.fail(ErrorKind.INVALID, badPayload.getMessage());
    } catch (MailboxFullException full) {
      return LuaCalls.fail(ErrorKind.UNAVAILABLE, full.getMessage());
    }
    return LuaValue.TRUE;
  }

  private static Varargs spawn(LuaProcess process, Varargs args) {
    if (!args.arg1().isstring() || args.arg1().isnumber()) {
      return LuaCalls.fail(ErrorKind.INVALID, "script must be a string");
    }
    String name = args.arg1().tojstring();
    Object[] values;
    try {
      values = LuaPayloads.toJava(args, 2);
    } catch (IllegalArgumentException badPayload) {
      return LuaCalls.fail(ErrorKind.INVALID, badPayload.getMessage());
    }
    Optional<RunningProcess> spawned;
    try {
      spawned = process.node().spawn(name, values);
    } catch (IllegalStateException stopped) {
      return LuaCalls.fail(ErrorKind.UNAVAILABLE, stopped.getMessage());
    }
    spawned.ifPresent(child -> process.log().spawned(name, child));
    return spawned
        .<Varargs>map(p -> LuaValue.valueOf(p.pid().toString()))
        .orElseGet(() -> LuaCalls.fail(ErrorKind.NOT_FOUND, "script not found: " + name));
  }

  private static String topic(LuaValue value, String function) {
    if (value.type() != LuaValue.TSTRING || value.length() == 0) {
      throw new LuaError(
          "bad argument #1 to '" + function + "' (topic must be a non-empty string)");
    }
    return value.tojstring();
  }

  private static Optional<Pid> pid(LuaValue value) {
    return value.type() == LuaValue.TSTRING && Pid.isPid(value.tojstring())
        ? Optional.of(Pid.parse(value.tojstring()))
        : Optional.empty();
  }

  private static String describe(LuaValue value) {
    return value.type() == LuaValue.TSTRING ? "'" + value.tojstring() + "'" : value.typename();
  }
}
