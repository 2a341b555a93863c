package dev.procgroups.lua;

import dev.procgroups.lua.sandbox.InstructionBudget;
import dev.procgroups.lua.sandbox.LuaJPatch;
import dev.procgroups.lua.sandbox.LuaSandbox;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;

/**
 * A bench main (not a test): what the binding costs. Run with {@code ./mvnw -q -o -pl impl/lua
 * test-compile} and then {@code java -cp
 * impl/lua/target/classes:impl/lua/target/test-classes:<deps> dev.procgroups.lua.LuaBench} (deps:
 * {@code ./mvnw -q -o -pl impl/lua dependency:build-classpath -Dmdep.outputFile=/dev/stdout}).
 * Prints the median of 7 rounds for: a CPU-bound Lua loop with and without the instruction hook;
 * string building (the allocation checks of {@link LuaJPatch}); sandboxed globals creation;
 * spawning a Lua process that runs a trivial script and exits.
 */
public final class LuaBench {

  private static final String LOOP = "local s = 0 for i = 1, 2000000 do s = s + i % 7 end return s";
  private static final String STRINGS =
      """
      local t = {}
      for i = 1, 100000 do t[#t + 1] = ("x"):rep(i % 20) .. i .. "," end
      local s = table.concat(t)
      local n = 0
      for w in s:gmatch("%d+") do n = n + #w end
      return #s:upper() + #s:gsub("x", "y") + n
      """;

  public static void main(String[] args) throws Exception {
    LuaJPatch.ensureInstalled(); // before anything here links a LuaJ class
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    System.out.println(
        "JVM " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cpus");
    System.out.printf("loop, hook on:  %.1f ns/iteration%n", median(() -> loop(quiet, true)) / 2e6);
    System.out.printf(
        "loop, hook off: %.1f ns/iteration%n", median(() -> loop(quiet, false)) / 2e6);
    System.out.printf("string building: %.1f ms%n", median(() -> strings(quiet)) / 1e6);
    System.out.printf(
        "new sandboxed globals: %.1f us%n", median(() -> globals(quiet)) / 1000 / 1e3);
    try (LuaNodeFixture node = new LuaNodeFixture()) {
      LuaNode lua = node.builder().output(quiet).build();
      System.out.printf(
          "spawn + run + exit of a Lua process: %.1f us%n", median(() -> spawn(lua)) / 200 / 1e3);
    }
  }

  private interface Round {
    long nanos() throws Exception;
  }

  private static double median(Round round) throws Exception {
    round.nanos(); // warm-up
    round.nanos();
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      times.add(round.nanos());
    }
    times.sort(null);
    return times.get(3);
  }

  private static long loop(PrintStream out, boolean hook) {
    Globals g = LuaSandbox.newGlobals(out, new InstructionBudget(), LuaSandbox.ModuleLoader.NONE);
    if (!hook) {
      g.debuglib = null;
    }
    LuaValue chunk = g.load(LOOP, "loop");
    long start = System.nanoTime();
    chunk.call();
    return System.nanoTime() - start;
  }

  private static long strings(PrintStream out) {
    Globals g = LuaSandbox.newGlobals(out, new InstructionBudget(), LuaSandbox.ModuleLoader.NONE);
    LuaValue chunk = g.load(STRINGS, "strings");
    long start = System.nanoTime();
    chunk.call();
    return System.nanoTime() - start;
  }

  private static long globals(PrintStream out) {
    long start = System.nanoTime();
    for (int i = 0; i < 1000; i++) {
      LuaSandbox.newGlobals(out, new InstructionBudget(), LuaSandbox.ModuleLoader.NONE);
    }
    return System.nanoTime() - start;
  }

  private static long spawn(LuaNode lua) throws InterruptedException {
    LuaScript script = new LuaScript("trivial", "local x = process.pid()");
    long start = System.nanoTime();
    List<dev.procgroups.process.RunningProcess> ps = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ps.add(lua.spawn(script));
    }
    for (var p : ps) {
      p.awaitExit(Duration.ofSeconds(10));
    }
    return System.nanoTime() - start;
  }
}
