package dev.procgroups.bench.checker;

import dev.procgroups.model.history.History;
import dev.procgroups.model.history.JsonWriter;
import dev.procgroups.model.history.Values;
import dev.procgroups.model.linearizability.CheckResult;
import dev.procgroups.model.linearizability.LinearizabilityChecker;
import dev.procgroups.model.linearizability.MembershipSpecification;
import dev.procgroups.model.linearizability.RandomMembershipHistory;
import dev.procgroups.model.linearizability.slots.SlotCheckResult;
import dev.procgroups.model.linearizability.slots.SlotChecker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times the slot checker and the model's WGL checker back to back on the same generated membership
 * histories (valid ones, and the same with a violation planted at the very end) and writes {@code
 * bench/results/checker.json} and {@code checker.md}. Run from the repository root with {@code
 * benchmarks/checker.sh} (an optional argument names the output folder).
 */
public final class CheckerBenchmark {

  static final String COMMAND = "benchmarks/checker.sh";
  private static final int GROUPS = 4;
  private static final int PIDS = 8;
  private static final long SEED = 20261207L;

  /**
   * Bounds the WGL checker's memory: a search that stores more configurations gives up (Undecided).
   */
  private static final long WGL_MAX_CONFIGURATIONS = 3_000_000L;

  /** One history: {@code crashRate} of its calls complete {@code :info}. */
  record Case(int calls, int processes, double crashRate, boolean violationAtEnd) {
    History history() {
      RandomMembershipHistory generator =
          new RandomMembershipHistory(processes, GROUPS, PIDS, 10 * processes, crashRate);
      long seed = SEED + calls + processes;
      return violationAtEnd
          ? generator.generateWithViolationAtEnd(calls, seed)
          : generator.generate(calls, seed);
    }

    int runs() {
      return calls >= 100_000 ? 1 : 3;
    }
  }

  /** One checker's runs on one history: median time, verdict and its counts. */
  record Timing(double[] seconds, String verdict, Map<String, Long> counts) {
    double median() {
      double[] sorted = seconds.clone();
      Arrays.sort(sorted);
      return sorted[sorted.length / 2];
    }
  }

  record Row(Case c, int historyOps, Timing slots, Timing wgl) {}

  private CheckerBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "bench/results");
    List<Case> cases = new ArrayList<>();
    for (int[] size : new int[][] {{1_000, 10}, {10_000, 10}, {10_000, 20}, {100_000, 20}}) {
      cases.add(new Case(size[0], size[1], 0.01, false));
      cases.add(new Case(size[0], size[1], 0.01, true));
    }
    cases.add(new Case(10_000, 20, 0.05, false));
    cases.add(new Case(10_000, 20, 0.05, true));
    String loadBefore = loadAverage();
    warmUp();
    List<Row> rows = new ArrayList<>();
    for (Case c : cases) {
      History history = c.history();
      Timing slots = time(c.runs(), () -> slotVerdict(history));
      Timing wgl = time(c.runs(), () -> wglVerdict(history));
      rows.add(new Row(c, history.size(), slots, wgl));
      System.out.printf(
          Locale.ROOT,
          "%7d calls %2d processes crash=%.2f end-violation=%-5s slots %8.3f s %-8s wgl %8.3f s %s%n",
          c.calls(),
          c.processes(),
          c.crashRate(),
          c.violationAtEnd(),
          slots.median(),
          slots.verdict(),
          wgl.median(),
          wgl.verdict());
    }
    String loadAfter = loadAverage();
    Files.createDirectories(out);
    String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    Files.writeString(out.resolve("checker.json"), json(rows, date, loadBefore, loadAfter));
    Files.writeString(
        out.resolve("checker.md"),
        CheckerReport.markdown(rows, machine(date, loadBefore, loadAfter)));
    System.out.println(
        "wrote " + out.resolve("checker.json") + " and " + out.resolve("checker.md"));
  }

  /** Lets the JIT compile both checkers before anything is timed. */
  private static void warmUp() {
    for (boolean violation : new boolean[] {false, true}) {
      History history = new Case(10_000, 10, 0.01, violation).history().reindexed();
      History other =
          new RandomMembershipHistory(10, GROUPS, PIDS, 100, 0.01).generate(5_000, SEED - 1);
      for (int i = 0; i < 5; i++) {
        slotVerdict(history);
        slotVerdict(other);
        wglVerdict(other);
      }
    }
  }

  private static Timing slotVerdict(History history) {
    SlotCheckResult result = new SlotChecker().check(history);
    return new Timing(null, result.verdict().name(), result.counts());
  }

  private static Timing wglVerdict(History history) {
    CheckResult<?> result =
        new LinearizabilityChecker(WGL_MAX_CONFIGURATIONS, true)
            .check(history, new MembershipSpecification());
    String verdict =
        result instanceof CheckResult.Undecided<?>
            ? "UNKNOWN (budget)"
            : result.isLinearizable() ? "VALID" : "INVALID";
    return new Timing(null, verdict, Map.of("configurations", result.configurations()));
  }

  private static Timing time(int runs, Supplier<Timing> check) {
    double[] seconds = new double[runs];
    Timing last = null;
    for (int r = 0; r < runs; r++) {
      System.gc();
      long start = System.nanoTime();
      last = check.get();
      seconds[r] = (System.nanoTime() - start) / 1e9;
    }
    return new Timing(seconds, last.verdict(), last.counts());
  }

  /** The host's 1-minute load average, if Linux tells it: other work shares the cores. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static Map<String, String> machine(String date, String loadBefore, String loadAfter) {
    return Map.of(
        "date",
        date,
        "loadBefore",
        loadBefore,
        "loadAfter",
        loadAfter,
        "cores",
        Integer.toString(Runtime.getRuntime().availableProcessors()),
        "jdk",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        "maxHeapMiB",
        Long.toString(Runtime.getRuntime().maxMemory() >> 20),
        "groups",
        Integer.toString(GROUPS),
        "pids",
        Integer.toString(PIDS),
        "wglBudget",
        Long.toString(WGL_MAX_CONFIGURATIONS));
  }

  private static String json(List<Row> rows, String date, String loadBefore, String loadAfter) {
    List<Object> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(
          Values.map(
              "calls",
              r.c().calls(),
              "historyOps",
              r.historyOps(),
              "processes",
              r.c().processes(),
              "crashRate",
              r.c().crashRate(),
              "violationAtEnd",
              r.c().violationAtEnd(),
              "runs",
              r.c().runs(),
              "slotSeconds",
              r.slots().median(),
              "slotVerdict",
              r.slots().verdict(),
              "slotConfigurations",
              r.slots().counts().get("configurations"),
              "wglSeconds",
              r.wgl().median(),
              "wglVerdict",
              r.wgl().verdict(),
              "wglConfigurations",
              r.wgl().counts().get("configurations")));
    }
    Map<String, String> machine = machine(date, loadBefore, loadAfter);
    Object doc =
        Values.map(
            "benchmark",
            "membership linearizability: slot checker vs the model's WGL checker, same histories",
            "command",
            COMMAND,
            "machine",
            Values.map(
                "date",
                date,
                "cores",
                machine.get("cores"),
                "jdk",
                machine.get("jdk"),
                "os",
                machine.get("os"),
                "maxHeapMiB",
                machine.get("maxHeapMiB"),
                "loadAverageBefore",
                loadBefore,
                "loadAverageAfter",
                loadAfter),
            "workload",
            Values.map(
                "groups",
                GROUPS,
                "pids",
                PIDS,
                "wglMaxConfigurations",
                WGL_MAX_CONFIGURATIONS,
                "latency",
                "10 x processes time units either side of the linearization point",
                "seed",
                SEED),
            "results",
            out);
    return JsonWriter.write(doc) + "\n";
  }
}
