package dev.procgroups.jepsen.harness;

import dev.procgroups.model.checkers.CheckResult;
import dev.procgroups.model.history.History;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** What the clients do during a run, what they read at the end, and how the history is checked. */
public interface Workload {

  /** Sets up a worker's processes (at the start, and again after its node restarted). */
  void setUp(Worker worker);

  /** Performs one operation. */
  void step(Worker worker);

  /** The reads after the final heal and quiet period. */
  void finalReads(Worker worker);

  /** Runs this workload's checkers over the history. */
  List<CheckResult> check(History history, RunConfig config);

  /** The workloads by name. */
  enum Kind {
    MEMBERSHIP(MembershipWorkload::new),
    BROADCAST(BroadcastWorkload::new),
    MONITOR(MonitorWorkload::new);

    private final Supplier<Workload> factory;

    Kind(Supplier<Workload> factory) {
      this.factory = factory;
    }

    public Workload create() {
      return factory.get();
    }

    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind parse(String name) {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
  }
}
