package dev.procgroups.bench.cluster;

import dev.procgroups.node.Node;
import dev.procgroups.pg.PgException;
import dev.procgroups.pg.PgInstance;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Broadcast fan-out: members spread over the observer and both workers, a process on the observer
 * broadcasts to all of them; timed from its first broadcast until every member of every node has
 * received every message.
 */
final class BroadcastRun {
  static final String GROUP = "broadcast";
  private static final String TOPIC = "task";
  private static final long POLL_NANOS = 5_000_000;

  private final Node observer;
  private final WorkerPair pair;
  private final SlotWatch watch;
  private final Duration timeout;
  private final CountingMembers local;
  private int members;
  private int perWorker;

  BroadcastRun(Node observer, WorkerPair pair, SlotWatch watch, Duration timeout) {
    this.observer = observer;
    this.pair = pair;
    this.watch = watch;
    this.timeout = timeout;
    this.local = new CountingMembers(observer);
  }

  ClusterReport.Broadcast measure(int members, int messages) throws PgException {
    this.members = members;
    this.perWorker = members / 3;
    pair.call("MEMBERS " + perWorker + " " + GROUP + " " + TOPIC, timeout);
    local.spawn(members - 2 * perWorker, GROUP, TOPIC);
    watch.await(new ExpectedSlots(Map.of(GROUP, members)), "broadcast members", timeout);
    long expected = (long) members * messages;
    long start = System.nanoTime();
    observer
        .processes()
        .spawn(
            ctx -> {
              PgInstance sender = observer.pg().open(ctx.handle(), WorkerProtocol.SCOPE);
              for (long m = 0; m < messages; m++) {
                sender.broadcast(GROUP, TOPIC, m);
              }
            });
    long deadline = start + timeout.toNanos();
    long received;
    while ((received = received()) < expected) {
      if (System.nanoTime() > deadline) {
        throw new BenchFailure(
            "broadcast: " + received + " of " + expected + " deliveries after " + timeout);
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
    long took = System.nanoTime() - start;
    return new ClusterReport.Broadcast(
        members, messages, received, Rates.millis(took), Rates.perSecond(received, took));
  }

  int members() {
    return members;
  }

  /** Members on the first worker (its share of the group). */
  int firstWorkerShare() {
    return perWorker;
  }

  private long received() {
    return local.received()
        + Long.parseLong(pair.first().call("RECEIVED", timeout)[1])
        + Long.parseLong(pair.second().call("RECEIVED", timeout)[1]);
  }
}
