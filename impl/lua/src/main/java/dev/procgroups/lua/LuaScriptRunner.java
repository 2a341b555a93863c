package dev.procgroups.lua;

import dev.procgroups.lua.api.BuiltinModules;
import dev.procgroups.lua.api.LuaModule;
import dev.procgroups.lua.api.LuaPayloads;
import dev.procgroups.lua.api.LuaProcess;
import dev.procgroups.lua.sandbox.InstructionBudget;
import dev.procgroups.lua.sandbox.LuaSandbox;
import dev.procgroups.lua.sandbox.LuaStringFormat;
import dev.procgroups.process.ProcessContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;

/**
 * Runs the scripts of one {@link LuaNode} as processes: each in its own sandboxed globals, with the
 * node's modules; compiled once per script.
 */
final class LuaScriptRunner {
  private final LuaNode node;
  private final Map<LuaScript, Prototype> compiled = new ConcurrentHashMap<>();

  LuaScriptRunner(LuaNode node) {
    this.node = node;
  }

  void run(ProcessContext context, LuaScript script, Object[] args) {
    InstructionBudget budget = new InstructionBudget(node.memory());
    context.onKill(budget::kill);
    LuaProcess process = new LuaProcess(node, context, budget, node.observer());
    Globals globals =
        LuaSandbox.newGlobals(
            node.out(),
            budget,
            (name, g) -> {
              LuaModule module = node.modules().get(name);
              return module != null ? module.open(process) : luaModule(name, g);
            });
    LuaValue require = globals.get("require");
    for (String name : BuiltinModules.GLOBALS) {
      globals.rawset(name, require.call(name));
    }

    LuaValue[] luaArgs = new LuaValue[args.length];
    for (int i = 0; i < args.length; i++) {
      luaArgs[i] = LuaPayloads.toLua(args[i]);
    }
    budget.begin();
    try {
      Varargs result = new LuaClosure(prototype(script), globals).invoke(luaArgs);
      if (!result.arg1().toboolean() && result.narg() >= 2 && !result.arg(2).isnil()) {
        throw new LuaScriptFailure(
            script.name()
                + ": returned nil, "
                + LuaStringFormat.toLuaString(result.arg(2)).tojstring());
      }
    } finally {
      budget.end(); // its coroutines end with it
    }
  }

  /** A module written in Lua, from the module path: {@code a.b} is the file {@code a/b.lua}. */
  private LuaValue luaModule(String name, Globals globals) {
    return node.modulePath()
        .find(name.replace('.', '/') + ".lua")
        .map(script -> new LuaClosure(prototype(script), globals).call(LuaValue.valueOf(name)))
        .orElse(null);
  }

  private Prototype prototype(LuaScript script) {
    return compiled.computeIfAbsent(script, LuaScriptRunner::compile);
  }

  /** Compiles {@code script}; a syntax error is a {@link LuaScriptFailure} with Lua's message. */
  static Prototype compile(LuaScript script) {
    try {
      return LuaC.instance.compile(
          new ByteArrayInputStream(script.source().getBytes(StandardCharsets.UTF_8)),
          script.name());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (LuaError syntax) {
      // LuaJ names a chunk [string "main.lua"] where Lua names a file chunk main.lua
      throw new LuaScriptFailure(
          syntax.getMessage().replace("[string \"" + script.name() + "\"]", script.name()));
    }
  }
}
