package dev.procgroups.lua.api;

import dev.procgroups.pg.Pg;
import dev.procgroups.process.RunningProcess;
import java.util.Optional;

/** What a process's modules may ask of the node it runs on. */
public interface LuaHost {

  /** Starts the node's script {@code name} with {@code args}; empty if there is none. */
  Optional<RunningProcess> spawn(String name, Object... args);

  /** The node's pg, if it has one. */
  Optional<Pg> pg();
}
