package dev.procgroups.lua.sandbox;

import java.io.PrintStream;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;

/**
 * Builds the globals of one Lua process: Lua 5.2's base, {@code string}, {@code table}, {@code
 * math}, {@code bit32}, {@code coroutine} and a reduced {@code os}, plus {@code errors} and a
 * {@code require} that only knows the given modules. Nothing reaches the JVM or the machine: no
 * {@code io}, {@code debug}, {@code luajava}, {@code dofile}/{@code loadfile}, {@code os.exit};
 * {@code load} compiles source text only (no binary chunks: no undumper is installed); {@code
 * require} never loads Java classes or files. The instruction hook is installed as the globals'
 * debug hook without exposing the debug library.
 *
 * <p>Call {@link LuaJPatch#ensureInstalled()} before creating the {@link InstructionBudget} (a LuaJ
 * class) passed here; {@code LuaNode} does. This class's own code makes the JVM load no LuaJ class
 * to verify it (the work is in {@link SandboxGlobals}), so the call here still comes before
 * anything else of the sandbox.
 */
public final class LuaSandbox {

  /** What {@code require} can load besides the standard libraries. */
  @FunctionalInterface
  public interface ModuleLoader {
    /** Nothing: only the standard libraries. */
    ModuleLoader NONE = (name, globals) -> null;

    /** The module {@code name} for the process of {@code globals}, or null if there is none. */
    LuaValue load(String name, Globals globals);
  }

  private LuaSandbox() {}

  /**
   * New globals for one process.
   *
   * @param out where {@code print} writes
   * @param budget the process's instruction hook
   * @param modules what {@code require(name)} may load, on first use per process
   */
  public static Globals newGlobals(
      PrintStream out, InstructionBudget budget, ModuleLoader modules) {
    LuaJPatch.ensureInstalled();
    return SandboxGlobals.create(out, budget, modules);
  }
}
