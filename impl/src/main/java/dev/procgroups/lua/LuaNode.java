package dev.procgroups.lua;

import dev.procgroups.pg.Pg;
import dev.procgroups.process.ProcessContext;
import dev.procgroups.process.ProcessRuntime;
import dev.procgroups.process.RunningProcess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;

/**
 * Runs Lua scripts as processes of one node's {@link ProcessRuntime}: each process is one script
 * in its own sandboxed globals ({@link LuaSandbox}) on its own thread (virtual when the JVM has
 * them). Scripts see the globals {@code process}, {@code channel} and {@code errors}, and can
 * {@code require} {@code "pg"} (when the node has a {@link Pg}), {@code "time"}, any module
 * added with {@link Builder#module}, and Lua modules on the {@link Builder#modulePath}. Everything
 * they print goes to the node's output.
 *
 * <p>A script ends normally when its chunk returns, unless it returns {@code nil, err} (the
 * documented examples' way to fail): then, like an error it raised, the process fails with
 * {@code tostring(err)}, see {@link LuaScriptFailure}.
 */
public final class LuaNode {

  static {
    LuaNumberPatch.ensureInstalled(); // before anything of this node can create a LuaJ double
  }

  private final ProcessRuntime runtime;
  private final Pg pg;
  private final ScriptLibrary library;
  private final ScriptLibrary modulePath;
  private final LuaObserver observer;
  private final PrintStream out;
  private final Map<String, LuaModule> modules;
  private final MemoryGuard memory;
  private final Map<LuaScript, Prototype> compiled = new ConcurrentHashMap<>();

  private LuaNode(Builder builder) {
    this.runtime = builder.runtime;
    this.pg = builder.pg;
    this.library = builder.library;
    this.modulePath = builder.modulePath;
    this.observer = builder.observer;
    this.out = builder.out;
    this.modules = Map.copyOf(builder.modules);
    this.memory = builder.memory;
  }

  public static Builder builder(ProcessRuntime runtime) {
    return new Builder(runtime);
  }

  public ProcessRuntime runtime() {
    return runtime;
  }

  /** The pg module's backing {@link Pg}, if the node has one. */
  public Optional<Pg> pg() {
    return Optional.ofNullable(pg);
  }

  /**
   * Starts {@code script} as a new process; {@code args} (payload values) are the chunk's
   * {@code ...}.
   *
   * @throws IllegalStateException if the runtime is closed
   */
  public RunningProcess spawn(LuaScript script, Object... args) {
    Objects.requireNonNull(script, "script");
    Object[] values = args.clone();
    return runtime.spawn(context -> run(context, script, values));
  }

  /** Starts the library's script {@code name}; empty if the library has none by that name. */
  public Optional<RunningProcess> spawn(String name, Object... args) {
    return library.find(name).map(script -> spawn(script, args));
  }

  private void run(ProcessContext context, LuaScript script, Object[] args) {
    InstructionBudget budget = new InstructionBudget(memory);
    context.onKill(budget::kill);
    LuaProcess process = new LuaProcess(this, context, budget, observer);
    LuaTable processModule = LuaProcessModule.open(process);
    LuaTable channelModule = LuaSelect.module(budget);
    Globals globals = LuaSandbox.newGlobals(out, budget, (name, g) -> switch (name) {
      case "process" -> processModule;
      case "channel" -> channelModule;
      case "time" -> LuaTimeModule.open(process);
      case "pg" -> pg == null ? null : LuaPgModule.open(process, pg);
      default -> modules.containsKey(name) ? modules.get(name).open(process)
          : luaModule(name, g);
    });
    globals.rawset("process", processModule);
    globals.rawset("channel", channelModule);

    LuaValue[] luaArgs = new LuaValue[args.length];
    for (int i = 0; i < args.length; i++) {
      luaArgs[i] = LuaPayloads.toLua(args[i]);
    }
    Varargs result = new LuaClosure(prototype(script), globals).invoke(luaArgs);
    if (!result.arg1().toboolean() && result.narg() >= 2 && !result.arg(2).isnil()) {
      throw new LuaScriptFailure(script.name() + ": returned nil, "
          + LuaStringFormat.toLuaString(result.arg(2)).tojstring());
    }
  }

  /** A module written in Lua, from the module path: {@code a.b} is the file {@code a/b.lua}. */
  private LuaValue luaModule(String name, Globals globals) {
    return modulePath.find(name.replace('.', '/') + ".lua")
        .map(script -> new LuaClosure(prototype(script), globals).call(LuaValue.valueOf(name)))
        .orElse(null);
  }

  private Prototype prototype(LuaScript script) {
    return compiled.computeIfAbsent(script, s -> {
      try {
        return LuaC.instance.compile(
            new ByteArrayInputStream(s.source().getBytes(StandardCharsets.UTF_8)), s.name());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (LuaError syntax) {
        throw new LuaScriptFailure(syntax.getMessage());
      }
    });
  }

  /** Configures a {@link LuaNode}. */
  public static final class Builder {
    private final ProcessRuntime runtime;
    private Pg pg;
    private ScriptLibrary library = ScriptLibrary.none();
    private ScriptLibrary modulePath = ScriptLibrary.none();
    private LuaObserver observer = LuaObserver.NONE;
    private PrintStream out = System.out;
    private final Map<String, LuaModule> modules = new LinkedHashMap<>();
    private MemoryGuard memory = MemoryGuard.standard();

    private Builder(ProcessRuntime runtime) {
      this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    /** The node's pg: {@code require("pg")} opens scopes there. */
    public Builder pg(Pg pg) {
      this.pg = pg;
      return this;
    }

    /** Where {@code process.spawn(name)} finds scripts (default: nowhere). */
    public Builder library(ScriptLibrary library) {
      this.library = Objects.requireNonNull(library, "library");
      return this;
    }

    /**
     * Where {@code require(name)} finds modules written in Lua, after the built-in and added ones:
     * {@code require("a.b")} runs {@code a/b.lua} once per process and keeps what it returns.
     */
    public Builder modulePath(ScriptLibrary modulePath) {
      this.modulePath = Objects.requireNonNull(modulePath, "modulePath");
      return this;
    }

    /** Who hears about pg calls, ignored errors and unclosed subscriptions (default: nobody). */
    public Builder observer(LuaObserver observer) {
      this.observer = Objects.requireNonNull(observer, "observer");
      return this;
    }

    /** Where {@code print} writes (default: standard output). */
    public Builder output(PrintStream out) {
      this.out = Objects.requireNonNull(out, "out");
      return this;
    }

    /** Adds a module scripts can {@code require(name)}. */
    public Builder module(String name, LuaModule module) {
      modules.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(module, "module"));
      return this;
    }

    /** When a process that keeps allocating on a nearly full heap is stopped (default: standard). */
    public Builder memoryGuard(MemoryGuard memory) {
      this.memory = Objects.requireNonNull(memory, "memory");
      return this;
    }

    public LuaNode build() {
      return new LuaNode(this);
    }
  }
}
