package dev.procgroups.lua.hostile;

import dev.procgroups.lua.LuaNode;
import dev.procgroups.lua.LuaRunResult;
import dev.procgroups.lua.LuaScript;
import dev.procgroups.lua.LuaScripts;
import dev.procgroups.lua.sandbox.MemoryGuard;
import dev.procgroups.pg.Pg;
import dev.procgroups.pg.RemoteBroadcast;
import dev.procgroups.process.ProcessRuntime;
import dev.procgroups.registry.Registry;
import dev.procgroups.registry.RegistryException;
import dev.procgroups.security.SecurityPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** One node with scope {@code app:pg} that runs the scripts of {@code resources/hostile/}. */
final class HostileNode implements AutoCloseable {
  final ProcessRuntime runtime = ProcessRuntime.create("n1", 1);
  final Registry registry = new Registry();
  final Pg pg;
  MemoryGuard memory = MemoryGuard.standard();

  HostileNode(Map<String, Object> scopeConfig) throws RegistryException {
    registry.registerScope("app:pg", scopeConfig);
    pg = new Pg("n1", registry, SecurityPolicy.allowAll(), runtime, RemoteBroadcast.NONE);
  }

  LuaNode.Builder builder() {
    return LuaNode.builder(runtime).pg(pg).memoryGuard(memory);
  }

  /** Runs the catalogue script {@code name}.lua as a process, for at most {@code timeout}. */
  LuaRunResult run(String name, Duration timeout) throws InterruptedException {
    return LuaScripts.run(new LuaScript(name + ".lua", source(name)), builder(), timeout, null);
  }

  /** Runs inline source as a process, for at most 10 s. */
  LuaRunResult runSource(String source) throws InterruptedException {
    return runSource(Duration.ofSeconds(10), source);
  }

  /** Runs inline source as a process, for at most {@code timeout}. */
  LuaRunResult runSource(Duration timeout, String source) throws InterruptedException {
    return LuaScripts.run(new LuaScript("inline.lua", source), builder(), timeout, null);
  }

  static String source(String name) {
    try (InputStream in = HostileNode.class.getResourceAsStream("/hostile/" + name + ".lua")) {
      if (in == null) {
        throw new IllegalArgumentException("no script hostile/" + name + ".lua");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    runtime.close();
  }
}
