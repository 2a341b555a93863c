package dev.procgroups.bench;

import dev.procgroups.pg.Pg;
import dev.procgroups.pg.PgException;
import dev.procgroups.pg.PgInstance;
import dev.procgroups.process.Pid;
import dev.procgroups.process.ProcessHandle;
import dev.procgroups.registry.Registry;
import dev.procgroups.registry.RegistryException;
import dev.procgroups.store.MembershipStore;
import dev.procgroups.store.StoreLimitException;
import java.util.List;
import java.util.Map;

/**
 * A one-node pg for benchmarks: scope {@code bench:pg}, allow-all policy, a sink that drops
 * messages, and processes that never exit. Groups are pre-filled straight through the store.
 */
final class BenchNode {

  static final String SCOPE = "bench:pg";

  private final Pg pg;
  private final MembershipStore store;
  private long nextId = 1;

  BenchNode() {
    try {
      Registry registry = new Registry();
      registry.registerScope(SCOPE, Map.of());
      pg = new Pg("n1", registry, (to, from, topic, payload, bytes) -> true);
      store = pg.store(SCOPE).orElseThrow();
    } catch (RegistryException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Opens the scope from a new process. */
  PgInstance open() {
    try {
      return pg.open(new Immortal(new Pid("n1", "app:processes", nextId++)), SCOPE);
    } catch (PgException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds {@code slots} slots of distinct processes to {@code group}. */
  void fill(String group, int slots) {
    List<String> groups = List.of(group);
    try {
      for (int i = 0; i < slots; i++) {
        store.join(new Pid("n1", "app:processes", nextId++), groups, () -> true);
      }
    } catch (StoreLimitException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Leaves every {@code step}-th of the first {@code slots} filled slots (holes in the table). */
  void punchHoles(String group, int slots, int step) {
    List<String> groups = List.of(group);
    for (long id = 1; id <= slots; id += step) {
      store.leave(new Pid("n1", "app:processes", id), groups);
    }
  }

  /** A process handle that is always alive. */
  private record Immortal(Pid pid) implements ProcessHandle {
    @Override
    public boolean alive() {
      return true;
    }

    @Override
    public void onExit(Runnable hook) {}
  }
}
