import com.sun.management.OperatingSystemMXBean;
import dev.procgroups.process.Pid;
import dev.procgroups.registry.ScopeConfig;
import dev.procgroups.store.MembershipStore;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * THREADS threads join N local processes (process k into group k % GROUPS) into one store, then
 * leave them, ROUNDS times; prints wall-clock rates and process CPU per operation, the mean of the
 * second half of the rounds. Args: THREADS N GROUPS ROUNDS.
 */
public class StoreBench {
  public static void main(String[] args) throws Exception {
    int threads = Integer.parseInt(args[0]);
    int n = Integer.parseInt(args[1]);
    int groups = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[3]);
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    double[] sums = new double[4];
    int counted = 0;
    for (int r = 0; r < rounds; r++) {
      MembershipStore store = new MembershipStore("n1", ScopeConfig.DEFAULTS);
      store.setChangeListener(new ConcurrentLinkedQueue<>()::add);
      Pid[] pids = new Pid[n];
      String[] names = new String[n];
      for (int i = 0; i < n; i++) {
        pids[i] = new Pid("n1", "app:processes", i + 1);
        names[i] = "g" + (i % groups);
      }
      long c0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      run(pool, threads, n, k -> store.join(pids[k], List.of(names[k]), () -> true));
      long t1 = System.nanoTime();
      long c1 = os.getProcessCpuTime();
      run(pool, threads, n, k -> store.leave(pids[k], List.of(names[k])));
      long t2 = System.nanoTime();
      long c2 = os.getProcessCpuTime();
      if (r >= rounds / 2) {
        sums[0] += n / ((t1 - t0) / 1e9);
        sums[1] += n / ((t2 - t1) / 1e9);
        sums[2] += (c1 - c0) / 1e3 / n;
        sums[3] += (c2 - c1) / 1e3 / n;
        counted++;
      }
    }
    pool.shutdown();
    System.out.printf("joins/s %.0f leaves/s %.0f  cpu us/join %.2f us/leave %.2f"
        + "  (%d threads, %d groups, mean of last %d rounds)%n", sums[0] / counted,
        sums[1] / counted, sums[2] / counted, sums[3] / counted, threads, groups, counted);
  }

  interface Op {
    void run(int k) throws Exception;
  }

  private static void run(ExecutorService pool, int threads, int n, Op op) throws Exception {
    List<Future<?>> shares = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      int from = (int) ((long) n * w / threads);
      int to = (int) ((long) n * (w + 1) / threads);
      shares.add(pool.submit(() -> {
        for (int k = from; k < to; k++) {
          op.run(k);
        }
        return null;
      }));
    }
    for (Future<?> share : shares) {
      share.get();
    }
  }
}
