import dev.procgroups.process.Pid;
import dev.procgroups.registry.ScopeConfig;
import dev.procgroups.store.StoreChange;
import dev.procgroups.store.MembershipStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The observer's store work: a peer's N joins (one process each, into group k % GROUPS) applied
 * in batches of BATCH changes, then the leaves, with a scope-wide subscription open, ROUNDS
 * times; prints this thread's CPU per change, the mean of the second half of the rounds.
 * Args: N GROUPS ROUNDS BATCH.
 */
public class ApplyBench {
  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    int groups = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    int batch = Integer.parseInt(args[3]);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    List<List<StoreChange>> joins = new ArrayList<>();
    List<List<StoreChange>> leaves = new ArrayList<>();
    for (int i = 0; i < n; i += batch) {
      List<StoreChange> j = new ArrayList<>();
      List<StoreChange> l = new ArrayList<>();
      for (int k = i; k < Math.min(n, i + batch); k++) {
        String pid = new Pid("n2", "app:processes", k + 1).toString();
        Map<String, List<String>> change = Map.of("g" + (k % groups), List.of(pid));
        j.add(new StoreChange.Delta("n2", StoreChange.Direction.JOIN, change));
        l.add(new StoreChange.Delta("n2", StoreChange.Direction.LEAVE, change));
      }
      joins.add(j);
      leaves.add(l);
    }
    double joinCpu = 0;
    double leaveCpu = 0;
    int counted = 0;
    for (int r = 0; r < rounds; r++) {
      MembershipStore store = new MembershipStore("n1",
          new ScopeConfig(Integer.MAX_VALUE, OptionalInt.empty(), OptionalInt.empty()));
      var events = store.events().subscription();
      long c0 = mx.getCurrentThreadCpuTime();
      joins.forEach(store::apply);
      long c1 = mx.getCurrentThreadCpuTime();
      leaves.forEach(store::apply);
      long c2 = mx.getCurrentThreadCpuTime();
      events.close();
      if (r >= rounds / 2) {
        joinCpu += (c1 - c0) / 1e3 / n;
        leaveCpu += (c2 - c1) / 1e3 / n;
        counted++;
      }
    }
    System.out.printf("apply: cpu us/join %.3f us/leave %.3f  (%d groups, batches of %d,"
        + " mean of last %d rounds)%n", joinCpu / counted, leaveCpu / counted, groups, batch,
        counted);
  }
}
