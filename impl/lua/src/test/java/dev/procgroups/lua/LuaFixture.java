package dev.procgroups.lua;

import dev.procgroups.lua.api.LuaErrors;
import dev.procgroups.lua.sandbox.InstructionBudget;
import dev.procgroups.lua.sandbox.LuaSandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Runs Lua source in fresh sandboxed globals, with the {@code errors} global a process has, and
 * keeps what it printed.
 */
final class LuaFixture {
  final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  final InstructionBudget budget = new InstructionBudget();
  final Globals globals =
      LuaSandbox.newGlobals(
          new PrintStream(printed, true, StandardCharsets.UTF_8),
          budget,
          LuaSandbox.ModuleLoader.NONE);

  LuaFixture() {
    globals.rawset("errors", LuaErrors.table());
  }

  /** Runs {@code source} as a chunk and returns its results. */
  Varargs run(String source) {
    return globals.load(source, "test").invoke(LuaValue.NONE);
  }

  /** Runs {@code source} and returns its first result as a Java string. */
  String eval(String source) {
    return run(source).arg1().tojstring();
  }

  String printed() {
    return printed.toString(StandardCharsets.UTF_8);
  }
}
