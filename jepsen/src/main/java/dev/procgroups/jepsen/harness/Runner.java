package dev.procgroups.jepsen.harness;

import dev.procgroups.model.checkers.CheckResult;
import dev.procgroups.model.checkers.PgOps;
import dev.procgroups.model.checkers.Validity;
import dev.procgroups.model.history.History;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one bounded test against a cluster: sets the workers up, runs operations and faults until
 * the time limit, heals everything, waits the quiet period, does the final reads, then stores the
 * history, checks it, writes the report and prints one summary line per checker.
 */
public final class Runner {

  /** What a run produced: where, and the verdicts. */
  public record Outcome(Path dir, Path report, List<CheckResult> results) {
    public Validity validity() {
      return Verdicts.overall(results);
    }
  }

  private final RunConfig config;
  private final Cluster cluster;
  private final PrintStream console;
  private final Recorder recorder = new Recorder();

  public Runner(RunConfig config, Cluster cluster, PrintStream console) {
    this.config = config;
    this.cluster = cluster;
    this.console = console;
  }

  public Outcome run() throws IOException, InterruptedException {
    Workload workload = config.workload().create();
    List<Worker> workers = workers();
    each(workers, w -> refresh(workload, w));
    long deadline = recorder.now() + config.timeLimit().toNanos();
    NemesisScheduler nemesis =
        new NemesisScheduler(config, cluster.nodes(), cluster.faults(), recorder, () -> deadline);
    Thread faults = new Thread(config.nemeses().isEmpty() ? () -> {} : nemesis, "nemesis");
    try (ProgressBar bar = new ProgressBar(console, deadline, recorder, nemesis::current)) {
      faults.start();
      each(workers, w -> loop(workload, w, deadline));
      faults.join();
    }
    List<String> healed = cluster.faults().healAll();
    recorder.nemesis(PgOps.STOP_PARTITION, "final heal", () -> String.join(", ", healed));
    Thread.sleep(config.quiet().toMillis());
    each(
        workers,
        w -> {
          refresh(workload, w);
          workload.finalReads(w);
        });
    return finish(workload, recorder.history());
  }

  private List<Worker> workers() {
    List<Worker> workers = new ArrayList<>();
    AtomicLong messages = new AtomicLong();
    Random seeds = new Random(config.seed());
    for (String node : cluster.nodes()) {
      for (int i = 0; i < config.workersPerNode(); i++) {
        PgClient client = new PgClient(workers.size(), node, cluster.client(node), recorder);
        workers.add(
            new Worker(client, new Random(seeds.nextLong()), config.groupNames(), messages));
      }
    }
    return workers;
  }

  private void refresh(Workload workload, Worker w) {
    if (w.forgetIfRestarted(cluster.generation(w.client().node()))) {
      workload.setUp(w);
    }
  }

  private void loop(Workload workload, Worker w, long deadline) {
    long pause = (long) (1_000_000_000L / config.opsPerSecond());
    while (recorder.now() < deadline) {
      long started = recorder.now();
      refresh(workload, w);
      workload.step(w);
      long left = Math.min(pause - (recorder.now() - started), deadline - recorder.now());
      if (left > 0) {
        try {
          TimeUnit.NANOSECONDS.sleep(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Runs {@code body} for every worker at once and waits for all. */
  private static void each(List<Worker> workers, java.util.function.Consumer<Worker> body)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(workers.size());
    try {
      List<Future<?>> running = new ArrayList<>();
      workers.forEach(w -> running.add(pool.submit(() -> body.accept(w))));
      for (Future<?> f : running) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("a worker failed", e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private Outcome finish(Workload workload, History history) throws IOException {
    Store store = Store.create(config.store(), config.workload().cliName());
    store.writeHistory(history);
    store.keepLogs(cluster.logs());
    List<CheckResult> results = workload.check(history, config);
    Map<String, Object> cfg = describe();
    store.writeResults(config.workload().cliName(), results, cfg);
    Path report =
        Report.write(
            store.dir(),
            "procgroups jepsen: " + config.workload().cliName(),
            history,
            results,
            cfg);
    for (CheckResult r : results) {
      console.println(r.summary());
    }
    console.println(
        "valid? " + Verdicts.overall(results) + "  (" + history.size() + " operations)");
    console.println("report: " + report.toAbsolutePath());
    return new Outcome(store.dir(), report, results);
  }

  private Map<String, Object> describe() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("workload", config.workload().cliName());
    c.put("nodes", (long) config.nodes());
    c.put("time-limit-s", config.timeLimit().toSeconds());
    c.put("workers-per-node", (long) config.workersPerNode());
    c.put("ops-per-second", config.opsPerSecond());
    c.put("nemeses", config.nemeses().stream().map(NemesisKind::cliName).sorted().toList());
    c.put("fault-every-ms", config.faultEvery().toMillis());
    c.put("fault-for-ms", config.faultFor().toMillis());
    c.put("overlap", config.overlap());
    c.put("quiet-ms", config.quiet().toMillis());
    c.put("groups", (long) config.groups());
    c.put("seed", config.seed());
    return c;
  }
}
