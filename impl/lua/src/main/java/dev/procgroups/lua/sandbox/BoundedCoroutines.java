package dev.procgroups.lua.sandbox;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code coroutine.create} and {@code coroutine.wrap} with a bound on the coroutines one process
 * holds alive. LuaJ runs each started coroutine on a thread of its own that lives until the
 * coroutine ends or is collected, so a script keeping suspended coroutines would otherwise start
 * threads until the JVM cannot make more. Coroutines that have finished or were collected no longer
 * count. Each body runs as a thread of the process ({@link InstructionBudget#runCoroutine}), so the
 * process's kill or end stops it.
 */
final class BoundedCoroutines {
  /** Live coroutines per process. */
  static final int MAX_LIVE = 1_000;

  private final Globals globals;
  private final InstructionBudget process;
  private final List<WeakReference<LuaThread>> live = new ArrayList<>();

  private BoundedCoroutines(Globals globals, InstructionBudget process) {
    this.globals = globals;
    this.process = process;
  }

  /** Replaces {@code create} and {@code wrap} in the globals' coroutine library. */
  static void install(Globals globals, InstructionBudget process) {
    BoundedCoroutines bound = new BoundedCoroutines(globals, process);
    LuaTable coroutine = globals.get("coroutine").checktable();
    coroutine.rawset(
        "create",
        new OneArgFunction() {
          @Override
          public LuaValue call(LuaValue body) {
            return bound.create(body);
          }
        });
    coroutine.rawset(
        "wrap",
        new OneArgFunction() {
          @Override
          public LuaValue call(LuaValue body) {
            LuaThread thread = bound.create(body);
            return new VarArgFunction() {
              @Override
              public Varargs invoke(Varargs args) {
                Varargs result = thread.resume(args);
                if (result.arg1().toboolean()) {
                  return result.subargs(2);
                }
                throw new LuaError(result.arg(2));
              }
            };
          }
        });
  }

  // Coroutines of one process run one at a time, each on its own thread: the list is guarded.
  private synchronized LuaThread create(LuaValue body) {
    body.checkfunction();
    live.removeIf(
        ref -> {
          LuaThread t = ref.get();
          return t == null || t.getStatus().equals("dead");
        });
    if (live.size() >= MAX_LIVE) {
      throw new LuaError("too many coroutines (at most " + MAX_LIVE + " alive per process)");
    }
    LuaThread thread =
        new LuaThread(
            globals,
            new VarArgFunction() {
              @Override
              public Varargs invoke(Varargs args) {
                return process.runCoroutine(() -> body.invoke(args));
              }
            });
    live.add(new WeakReference<>(thread));
    return thread;
  }
}
