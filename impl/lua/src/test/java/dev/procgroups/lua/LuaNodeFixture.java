package dev.procgroups.lua;

import dev.procgroups.pg.Pg;
import dev.procgroups.process.ProcessRuntime;
import dev.procgroups.registry.Registry;
import dev.procgroups.registry.RegistryException;
import dev.procgroups.security.SecurityPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** One node (runtime, registry with scope app:pg, pg, Lua) for tests; close it after. */
final class LuaNodeFixture implements AutoCloseable {
  final ProcessRuntime runtime;
  final Registry registry = new Registry();
  final Map<String, String> library = new HashMap<>();
  Pg pg;

  LuaNodeFixture() {
    this(SecurityPolicy.allowAll());
  }

  LuaNodeFixture(SecurityPolicy policy) {
    this(policy, ProcessRuntime.DEFAULT_MAILBOX_CAPACITY);
  }

  LuaNodeFixture(SecurityPolicy policy, int mailboxCapacity) {
    this(policy, ProcessRuntime.builder("n1").mailboxCapacity(mailboxCapacity));
  }

  /** A node whose process runtime {@code processes} configures (its mailbox limits). */
  LuaNodeFixture(SecurityPolicy policy, ProcessRuntime.Builder processes) {
    runtime = processes.build();
    try {
      registry.registerScope("app:pg", Map.of());
    } catch (RegistryException e) {
      throw new IllegalStateException(e);
    }
    pg = new Pg("n1", registry, policy, runtime, dev.procgroups.pg.RemoteBroadcast.NONE);
  }

  /** Adds a script {@code process.spawn(name)} can start. */
  LuaNodeFixture script(String name, String source) {
    library.put(name, source);
    return this;
  }

  LuaNode.Builder builder() {
    return LuaNode.builder(runtime).pg(pg).library(ScriptLibrary.of(library));
  }

  /** Runs {@code source} as a process, waiting at most 10 s. */
  LuaRunResult run(String source) throws InterruptedException {
    return LuaScripts.run(
        new LuaScript("main.lua", source), builder(), Duration.ofSeconds(10), null);
  }

  @Override
  public void close() {
    runtime.close();
  }
}
