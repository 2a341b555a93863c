package dev.procgroups.lua;

import dev.procgroups.lua.api.BuiltinModules;
import dev.procgroups.lua.api.LuaHost;
import dev.procgroups.lua.api.LuaModule;
import dev.procgroups.lua.api.LuaObserver;
import dev.procgroups.lua.sandbox.LuaJPatch;
import dev.procgroups.lua.sandbox.LuaSandbox;
import dev.procgroups.lua.sandbox.MemoryGuard;
import dev.procgroups.pg.Pg;
import dev.procgroups.process.ProcessRuntime;
import dev.procgroups.process.RunningProcess;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs Lua scripts as processes of one node's {@link ProcessRuntime}: each process is one script in
 * its own sandboxed globals ({@link LuaSandbox}) on its own thread (virtual when the JVM has them).
 * Scripts see the globals {@code process}, {@code channel} and {@code errors}, and can {@code
 * require} {@code "pg"} (when the node has a {@link Pg}), {@code "time"}, any module added with
 * {@link Builder#module}, and Lua modules on the {@link Builder#modulePath}. Everything they print
 * goes to the node's output.
 *
 * <p>A script ends normally when its chunk returns, unless it returns {@code nil, err} (the
 * documented examples' way to fail): then, like an error it raised, the process fails with {@code
 * tostring(err)}, see {@link LuaScriptFailure}.
 *
 * <p>An entry point of the binding: its code names no LuaJ class, so the JVM loads none to verify
 * it, and its initialization installs {@link LuaJPatch} before LuaJ is used ({@link
 * LuaScriptRunner} runs the scripts).
 */
public final class LuaNode implements LuaHost {

  static {
    LuaJPatch.ensureInstalled(); // before anything of this node can create a LuaJ double
  }

  private final ProcessRuntime runtime;
  private final Pg pg;
  private final ScriptLibrary library;
  private final ScriptLibrary modulePath;
  private final LuaObserver observer;
  private final PrintStream out;
  private final Map<String, LuaModule> modules;
  private final MemoryGuard memory;
  private final LuaScriptRunner runner = new LuaScriptRunner(this);

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

  ScriptLibrary modulePath() {
    return modulePath;
  }

  LuaObserver observer() {
    return observer;
  }

  PrintStream out() {
    return out;
  }

  Map<String, LuaModule> modules() {
    return modules;
  }

  MemoryGuard memory() {
    return memory;
  }

  public static Builder builder(ProcessRuntime runtime) {
    return new Builder(runtime);
  }

  public ProcessRuntime runtime() {
    return runtime;
  }

  /** The pg module's backing {@link Pg}, if the node has one. */
  @Override
  public Optional<Pg> pg() {
    return Optional.ofNullable(pg);
  }

  /**
   * Starts {@code script} as a new process; {@code args} (payload values) are the chunk's {@code
   * ...}.
   *
   * @throws IllegalStateException if the runtime is closed
   */
  public RunningProcess spawn(LuaScript script, Object... args) {
    Objects.requireNonNull(script, "script");
    Object[] values = args.clone();
    return runtime.spawn(context -> runner.run(context, script, values));
  }

  /**
   * Compiles {@code script} without running it: its syntax error, if any, as Lua reports it ({@code
   * main.lua:3: '=' expected near 'x'}). Needs no node: a check before one starts.
   */
  public static Optional<String> syntaxError(LuaScript script) {
    try {
      LuaScriptRunner.compile(script);
      return Optional.empty();
    } catch (LuaScriptFailure e) {
      return Optional.of(e.getMessage());
    }
  }

  /** Starts the library's script {@code name}; empty if the library has none by that name. */
  @Override
  public Optional<RunningProcess> spawn(String name, Object... args) {
    return library.find(name).map(script -> spawn(script, args));
  }

  /** Configures a {@link LuaNode}. */
  public static final class Builder {
    private final ProcessRuntime runtime;
    private Pg pg;
    private ScriptLibrary library = ScriptLibrary.none();
    private ScriptLibrary modulePath = ScriptLibrary.none();
    private LuaObserver observer = LuaObserver.NONE;
    private PrintStream out = System.out;
    private final Map<String, LuaModule> modules = new LinkedHashMap<>(BuiltinModules.all());
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

    /**
     * Adds a module scripts can {@code require(name)}.
     *
     * @throws IllegalArgumentException if {@code name} is a built-in module's
     */
    public Builder module(String name, LuaModule module) {
      if (BuiltinModules.all().containsKey(name)) {
        throw new IllegalArgumentException("a built-in module is called " + name);
      }
      modules.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(module, "module"));
      return this;
    }

    /**
     * When a process that keeps allocating on a nearly full heap is stopped (default: standard).
     */
    public Builder memoryGuard(MemoryGuard memory) {
      this.memory = Objects.requireNonNull(memory, "memory");
      return this;
    }

    public LuaNode build() {
      return new LuaNode(this);
    }
  }
}
