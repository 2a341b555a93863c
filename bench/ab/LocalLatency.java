import dev.procgroups.node.LocalCluster;
import dev.procgroups.node.Node;
import dev.procgroups.pg.PgInstance;
import dev.procgroups.security.SecurityPolicy;
import dev.procgroups.store.Subscription;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Join → remote monitor event in one JVM: two real nodes of a {@link LocalCluster} (Atomix on
 * 127.0.0.1), a process of n1 joins and leaves a group while n2 monitors it, REST_NANOS apart;
 * 50 untimed rounds first. Set beside the cluster benchmark's latency (three JVMs) it shows what
 * the wake-ups of idle threads in other processes add. Args: SAMPLES REST_NANOS.
 *   bench/ab/store-ab.sh LocalLatency /work/main -- 400 5000000
 */
public class LocalLatency {
  public static void main(String[] args) throws Exception {
    int samples = Integer.parseInt(args[0]);
    long rest = Long.parseLong(args[1]);
    try (LocalCluster cluster =
        new LocalCluster(2, Map.of("bench:pg", Map.of()), SecurityPolicy.allowAll())) {
      Node n1 = cluster.nodes().get(0);
      Node n2 = cluster.nodes().get(1);
      PgInstance member = n1.pg().open(n1.processes().spawn(ctx -> {
        while (ctx.inbox().receive().ok()) {
          // idles until the cluster closes
        }
      }), "bench:pg");
      Subscription events = n2.pg().store("bench:pg").orElseThrow().monitor("g").subscription();
      long[] nanos = new long[samples];
      for (int i = -50; i < samples; i++) {
        long start = System.nanoTime();
        member.join("g");
        events.channel().receive();
        long took = System.nanoTime() - start;
        member.leave("g");
        events.channel().receive();
        if (i >= 0) {
          nanos[i] = took;
        }
        LockSupport.parkNanos(rest);
      }
      Arrays.sort(nanos);
      System.out.printf("join -> remote event, %d samples: p50 %d us, p90 %d us, p99 %d us%n",
          samples, nanos[samples / 2] / 1000, nanos[samples * 9 / 10] / 1000,
          nanos[samples * 99 / 100] / 1000);
    }
    System.exit(0); // Atomix leaves non-daemon threads behind
  }
}
