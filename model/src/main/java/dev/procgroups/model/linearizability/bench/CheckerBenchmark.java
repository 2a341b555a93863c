package dev.procgroups.model.linearizability.bench;

import dev.procgroups.model.history.History;
import dev.procgroups.model.history.JsonWriter;
import dev.procgroups.model.history.Values;
import dev.procgroups.model.linearizability.CheckResult;
import dev.procgroups.model.linearizability.LinearizabilityChecker;
import dev.procgroups.model.linearizability.MembershipSpecification;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times the linearizability checker on generated membership histories of 1k, 10k and 100k calls
 * over 5–20 processes and writes {@code bench/results/checker.json} and {@code checker.md}.
 * Run pinned to one core from the repository root:
 * {@code taskset -c 0 java -cp model/target/classes dev.procgroups.model.linearizability.bench.CheckerBenchmark}
 * (an optional argument names the output folder).
 */
public final class CheckerBenchmark {

    static final String COMMAND =
            "taskset -c 0 java -cp model/target/classes dev.procgroups.model.linearizability.bench.CheckerBenchmark";
    private static final int GROUPS = 4;
    private static final int PIDS = 8;
    private static final long SEED = 20261124L;
    /** Bounds each run's memory; a case that needs more is reported as Undecided. */
    private static final long MAX_CONFIGURATIONS = 3_000_000L;

    /** One measured case: {@code crashRate} of the calls complete {@code :info}. */
    record Case(int calls, int processes, boolean partitioned, double crashRate) {
    }

    record Measurement(Case c, int historyOps, double[] seconds, long configurations, long peakHeapBytes, String verdict) {
        double medianSeconds() {
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }

        double callsPerSecond() {
            return c.calls() / medianSeconds();
        }
    }

    private CheckerBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/results");
        List<Case> cases = List.of(
                new Case(1_000, 5, true, 0.01), new Case(1_000, 20, true, 0.01),
                new Case(10_000, 5, true, 0.01), new Case(10_000, 10, true, 0.01), new Case(10_000, 20, true, 0.01),
                new Case(100_000, 10, true, 0.01), new Case(100_000, 20, true, 0.01),
                new Case(10_000, 10, true, 0.0), new Case(100_000, 20, true, 0.0),
                new Case(1_000, 10, false, 0.01), new Case(10_000, 10, false, 0.01),
                new Case(10_000, 10, true, 0.02), new Case(1_000, 10, true, 0.05), new Case(10_000, 10, true, 0.05));
        String load = loadAverage();
        warmUp();
        List<Measurement> results = new ArrayList<>();
        for (Case c : cases) {
            Measurement m = measure(c, c.calls() >= 100_000 || !c.partitioned() || c.crashRate() > 0.01 ? 1 : 3);
            results.add(m);
            System.out.printf(Locale.ROOT, "%7d calls %2d processes partitioned=%-5s crash=%.2f %8.3f s %,12.0f calls/s peak %,6d MiB %s%n",
                    c.calls(), c.processes(), c.partitioned(), c.crashRate(), m.medianSeconds(), m.callsPerSecond(),
                    m.peakHeapBytes() >> 20, m.verdict());
        }
        Files.createDirectories(out);
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Files.writeString(out.resolve("checker.json"), json(results, date, load));
        Files.writeString(out.resolve("checker.md"), markdown(results, date, load));
        System.out.println("wrote " + out.resolve("checker.json") + " and " + out.resolve("checker.md"));
    }

    static RandomMembershipHistory generator(int processes, double crashRate) {
        return new RandomMembershipHistory(processes, GROUPS, PIDS, 10 * processes, crashRate);
    }

    /** Lets the JIT compile the search before anything is timed. */
    private static void warmUp() {
        History large = generator(10, 0.01).generate(10_000, SEED - 1);
        History small = generator(10, 0.01).generate(1_000, SEED - 2);
        for (int i = 0; i < 8; i++) {
            new LinearizabilityChecker().check(large, new MembershipSpecification());
            new LinearizabilityChecker(MAX_CONFIGURATIONS, false).check(small, new MembershipSpecification());
        }
    }

    /** The host's 1-minute load average when the run started, if Linux tells it: other work shares the core. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static Measurement measure(Case c, int runs) {
        History history = generator(c.processes(), c.crashRate()).generate(c.calls(), SEED + c.calls() + c.processes());
        double[] seconds = new double[runs];
        long peak = 0;
        CheckResult<?> result = null;
        for (int r = 0; r < runs; r++) {
            System.gc();
            resetPeaks();
            long start = System.nanoTime();
            result = new LinearizabilityChecker(MAX_CONFIGURATIONS, c.partitioned())
                    .check(history, new MembershipSpecification());
            seconds[r] = (System.nanoTime() - start) / 1e9;
            peak = Math.max(peak, heapPeak());
        }
        return new Measurement(c, history.size(), seconds, result.configurations(), peak,
                result.getClass().getSimpleName());
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** The sum of every heap pool's peak since the reset: an upper bound on the peak heap in use. */
    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static Map<String, String> machine(String date, String load) {
        return Map.of(
                "date", date,
                "loadAverage", load,
                "cores", Integer.toString(Runtime.getRuntime().availableProcessors()),
                "jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                "maxHeapMiB", Long.toString(Runtime.getRuntime().maxMemory() >> 20));
    }

    private static String json(List<Measurement> results, String date, String load) {
        List<Object> rows = new ArrayList<>();
        for (Measurement m : results) {
            rows.add(Values.map("calls", m.c().calls(), "historyOps", m.historyOps(), "processes", m.c().processes(),
                    "partitioned", m.c().partitioned(), "crashRate", m.c().crashRate(), "runs", m.seconds().length,
                    "medianSeconds", m.medianSeconds(), "callsPerSecond", Math.round(m.callsPerSecond()),
                    "historyOpsPerSecond", Math.round(m.historyOps() / m.medianSeconds()),
                    "configurations", m.configurations(), "peakHeapBytes", m.peakHeapBytes(), "verdict", m.verdict()));
        }
        Map<String, String> machine = machine(date, load);
        Object doc = Values.map(
                "benchmark", "linearizability checker, membership specification",
                "command", COMMAND,
                "machine", Values.map("date", machine.get("date"), "cores", machine.get("cores"), "jdk", machine.get("jdk"),
                        "os", machine.get("os"), "maxHeapMiB", machine.get("maxHeapMiB"),
                        "loadAverageAtStart", machine.get("loadAverage")),
                "workload", Values.map("groups", GROUPS, "pids", PIDS, "maxConfigurations", MAX_CONFIGURATIONS,
                        "latency", "10 x processes time units either side of the linearization point", "seed", SEED),
                "results", rows);
        return JsonWriter.write(doc) + "\n";
    }

    private static String markdown(List<Measurement> results, String date, String load) {
        Map<String, String> machine = machine(date, load);
        StringBuilder md = new StringBuilder("# Linearizability checker benchmark\n\n");
        md.append("Command (from the repository root, after `./mvnw -q -o -pl model compile`):\n\n    ")
                .append(COMMAND).append("\n\n");
        md.append("Machine: ").append(machine.get("cores")).append(" core(s) visible, ").append(machine.get("jdk"))
                .append(", ").append(machine.get("os")).append(", max heap ").append(machine.get("maxHeapMiB"))
                .append(" MiB. Date: ").append(date).append(". The host has 2 cores shared with other jobs; its ")
                .append("1-minute load average at the start was ").append(load)
                .append(", so times are upper bounds with run-to-run noise.\n\n");
        md.append("Workload: generated by `RandomMembershipHistory` (linearizable by construction), ").append(GROUPS)
                .append(" groups, ").append(PIDS).append(" PIDs; the crash rate is the share of calls that complete ")
                .append("`:info` (half of those took effect). A call is an invocation plus its completion, so a history ")
                .append("holds two operations per call. Times are the median of 3 runs after a warm-up (1 run for ")
                .append("100k calls, unpartitioned, or crash rates above 1%); ")
                .append("peak heap is the sum of the heap pools' peaks during the runs (an upper bound). A search stops ")
                .append("at ").append(MAX_CONFIGURATIONS).append(" stored configurations (verdict Undecided).\n\n");
        md.append("| calls | history ops | processes | partitioned by group | crash rate | time (s) | calls/s | history ops/s | configurations | peak heap (MiB) | verdict |\n");
        md.append("|---:|---:|---:|:---:|---:|---:|---:|---:|---:|---:|:---|\n");
        for (Measurement m : results) {
            md.append(String.format(Locale.ROOT, "| %d | %d | %d | %s | %.0f%% | %.3f | %,.0f | %,.0f | %,d | %,d | %s |%n",
                    m.c().calls(), m.historyOps(), m.c().processes(), m.c().partitioned() ? "yes" : "no",
                    m.c().crashRate() * 100, m.medianSeconds(), m.callsPerSecond(), m.historyOps() / m.medianSeconds(), m.configurations(), m.peakHeapBytes() >> 20, m.verdict()));
        }
        for (Measurement m : results) {
            if (m.c().calls() == 10_000 && m.c().processes() == 10 && m.c().partitioned() && m.c().crashRate() <= 0.01) {
                md.append(String.format(Locale.ROOT, "%nTarget (10k calls, 10 processes, under 1 s on one core), crash rate %.0f%%: %.3f s, %s.",
                        m.c().crashRate() * 100, m.medianSeconds(), m.medianSeconds() < 1.0 ? "met" : "NOT met"));
            }
        }
        return md.append('\n').toString();
    }
}
