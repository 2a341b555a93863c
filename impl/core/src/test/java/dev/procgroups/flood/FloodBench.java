package dev.procgroups.flood;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one flood (see {@link FloodRun}) and prints its figures as JSON, with the machine; with a
 * second argument, also writes them to that file. Arguments: seconds (default 30), output file, and
 * {@code unbounded} to run without the bounds ({@link FloodRun#UNBOUNDED}, for comparison). The
 * command is in bench/results/flood.md.
 */
public final class FloodBench {
  private static final int WORKERS = 16;

  private FloodBench() {}

  public static void main(String[] args) throws Exception {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 30;
    boolean unbounded = args.length > 2 && args[2].equals("unbounded");
    FloodResult r =
        new FloodRun(
                Duration.ofSeconds(seconds),
                WORKERS,
                Duration.ofSeconds(60),
                unbounded ? FloodRun.UNBOUNDED : config -> {})
            .run();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("date", Instant.now().toString());
    out.put("cores", Runtime.getRuntime().availableProcessors());
    out.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    out.put("maxHeapMb", Runtime.getRuntime().maxMemory() >> 20);
    out.put("floodingProcessesAtATime", WORKERS);
    out.put("bounds", unbounded ? "none (FloodRun.UNBOUNDED)" : "defaults");
    out.put("seconds", r.seconds());
    out.put("slotOps", r.slotOps());
    out.put("slotOpsPerSecond", Math.round(r.slotOpsPerSecond()));
    out.put("processesStarted", r.processes());
    out.put("broadcasts", r.broadcasts());
    out.put("broadcastsPerSecond", Math.round(r.broadcastsPerSecond()));
    out.put("maxLagSlots", r.maxLag());
    out.put("meanLagSlots", Math.round(r.meanLag() * 10) / 10.0);
    out.put("longestBehindMillis", r.longestBehindMillis());
    out.put("catchUpMillis", r.catchUpMillis());
    out.put("maxReplicationBacklogN1N2N3", r.maxInboundQueue());
    out.put("maxFlooderSinkBehind", r.maxFlooderSinkBehind());
    out.put("maxInboundBytesN1N2N3", r.maxInboundBytes());
    out.put("dropsAllNodes", r.drops());
    out.put("peakHeapUsedMb", r.peakHeapUsedBytes() >> 20);
    out.put("peakHeapAfterAnyGcMb", r.peakHeapAfterGcBytes() >> 20);
    out.put("peakHeapLiveAfterFullGcMb", r.peakHeapLiveBytes() >> 20);
    out.put("baselineHeapMb", r.baselineHeapBytes() >> 20);
    out.put("heapAfterCloseMb", r.heapAfterBytes() >> 20);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    System.out.println(json.writeValueAsString(out));
    if (args.length > 1) {
      json.writeValue(new File(args[1]), out);
    }
    System.exit(r.converged() ? 0 : 1);
  }
}
