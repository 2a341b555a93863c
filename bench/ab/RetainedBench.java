import dev.procgroups.process.Pid;
import dev.procgroups.registry.ScopeConfig;
import dev.procgroups.replication.ReplicationCore;
import dev.procgroups.replication.ReplicationSettings;
import dev.procgroups.store.StoreChange;
import dev.procgroups.store.MembershipStore;
import dev.procgroups.store.StoreLimitException;
import dev.procgroups.transport.NodeId;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What the membership state of one scope keeps alive per slot, in bytes of heap after full
 * collections: unlike a time, this does not move with the machine's load, and it is what a young
 * collection has to copy when a burst of joins creates it (bench/results/cluster.md, "Reading").
 * Remote: a peer's N joins, one process per group, applied in batches of 1,024 as the replication
 * thread does, the changes dropped afterwards. Local: N processes each join their own group, with
 * a replication core following the store's change stream (its local slot counts included).
 * Args: N.
 */
public class RetainedBench {
  public static void main(String[] args) throws StoreLimitException {
    int n = Integer.parseInt(args[0]);
    ScopeConfig config = new ScopeConfig(Integer.MAX_VALUE, OptionalInt.empty(), OptionalInt.empty());

    long before = liveHeap();
    MembershipStore remote = new MembershipStore("n1", config);
    for (int i = 0; i < n; i += 1024) {
      List<StoreChange> batch = new ArrayList<>();
      for (int k = i; k < Math.min(n, i + 1024); k++) {
        String pid = new Pid("n2", "app:processes", k + 1).toString();
        batch.add(new StoreChange.Delta("n2", StoreChange.Direction.JOIN,
            Map.of("g" + k, List.of(pid))));
      }
      remote.apply(batch);
    }
    long remoteBytes = liveHeap() - before;

    before = liveHeap();
    MembershipStore local = new MembershipStore("n1", config);
    ReplicationCore core = new ReplicationCore("a:s", new NodeId("n1", 1), ReplicationSettings.defaults());
    local.setChangeListener(core::localChange);
    for (int k = 0; k < n; k++) {
      local.join(new Pid("n1", "app:processes", k + 1), List.of("g" + k), () -> true);
    }
    long localBytes = liveHeap() - before;

    System.out.printf("retained bytes per slot (one per group, %d groups): remote %.0f, local %.0f%n",
        n, (double) remoteBytes / n, (double) localBytes / n);
    Reference.reachabilityFence(remote); // measured alive: kept until here
    Reference.reachabilityFence(local);
    Reference.reachabilityFence(core);
  }

  private static long liveHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc(); // a benchmark's measurement, not library code
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
