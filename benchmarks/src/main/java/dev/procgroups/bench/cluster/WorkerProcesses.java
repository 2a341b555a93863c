package dev.procgroups.bench.cluster;

import dev.procgroups.node.Node;
import dev.procgroups.pg.PgException;
import dev.procgroups.pg.PgInstance;
import dev.procgroups.process.ProcessBody;
import dev.procgroups.process.RunningProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The processes of one worker node and what the benchmark asks of them. Bulk joins and leaves run
 * on {@code concurrency} threads, each calling {@code join} for a contiguous share of the processes
 * (as the syn benchmark's workers do on behalf of their PIDs).
 */
final class WorkerProcesses implements AutoCloseable {

  /** A process that idles until it is killed. */
  private static final ProcessBody IDLE =
      ctx -> {
        while (ctx.inbox().receive().ok()) {
          // a bench process ignores messages
        }
      };

  private final Node node;
  private final int concurrency;
  private final ExecutorService workers;
  private final List<PgInstance> instances = new ArrayList<>();
  private long firstIndex;
  private PgInstance probe;
  private final CountingMembers members;

  /** Made on the first AWAIT only: its subscription adds work to every later change. */
  private SlotWatch watch;

  WorkerProcesses(Node node, int concurrency) {
    this.node = node;
    this.concurrency = concurrency;
    this.members = new CountingMembers(node);
    this.workers =
        Executors.newFixedThreadPool(
            concurrency,
            r -> {
              Thread t = new Thread(r, "bench-worker");
              t.setDaemon(true);
              return t;
            });
  }

  /** Runs one command line and returns its answer (without the protocol prefix). */
  String execute(String line) {
    String[] w = line.split(" ");
    try {
      return switch (w[0]) {
        case "SPAWN" -> spawn(Long.parseLong(w[1]), Long.parseLong(w[2]));
        case "JOIN" -> bulk(w[1], Integer.parseInt(w[2]), true);
        case "LEAVE" -> bulk(w[1], Integer.parseInt(w[2]), false);
        case "JOIN1" -> probe(w[1], true);
        case "LEAVE1" -> probe(w[1], false);
        case "MEMBERS" -> members(Integer.parseInt(w[1]), w[2], w[3]);
        case "AWAIT" -> awaitSlots(Long.parseLong(w[1]), Integer.parseInt(w[2]));
        case "RECEIVED" -> WorkerProtocol.OK + " " + members.received();
        case "CPU" -> WorkerProtocol.OK + " " + ProcessCpu.nanos();
        default -> WorkerProtocol.ERROR + " unknown command " + w[0];
      };
    } catch (Exception e) {
      return WorkerProtocol.ERROR + " " + w[0] + ": " + e;
    }
  }

  private String spawn(long from, long to) throws PgException {
    firstIndex = from;
    for (long i = from; i < to; i++) {
      instances.add(open(node.processes().spawn(IDLE)));
    }
    probe = open(node.processes().spawn(IDLE));
    return WorkerProtocol.OK;
  }

  private String bulk(String prefix, int groups, boolean join)
      throws InterruptedException, ExecutionException {
    long start = System.nanoTime();
    int n = instances.size();
    List<Future<?>> shares = new ArrayList<>();
    for (int w = 0; w < concurrency; w++) {
      int from = (int) ((long) n * w / concurrency);
      int to = (int) ((long) n * (w + 1) / concurrency);
      shares.add(
          workers.submit(
              () -> {
                for (int k = from; k < to; k++) {
                  String group = WorkerProtocol.group(prefix, firstIndex + k, groups);
                  if (join) {
                    instances.get(k).join(group);
                  } else {
                    instances.get(k).leave(group);
                  }
                }
                return null;
              }));
    }
    for (Future<?> share : shares) {
      share.get();
    }
    return WorkerProtocol.OK + " " + (System.nanoTime() - start) / 1_000_000;
  }

  private String probe(String group, boolean join) throws PgException {
    long before = Clock.epochNanos();
    if (join) {
      probe.join(group);
    } else {
      probe.leave(group);
    }
    return WorkerProtocol.OK + " " + before;
  }

  /** Waits until this node's view holds {@code total} slots; answers the wall-clock time then. */
  private String awaitSlots(long total, int timeoutSeconds) {
    if (watch == null) {
      watch = new SlotWatch(node.pg().store(WorkerProtocol.SCOPE).orElseThrow());
    }
    watch.awaitTotal(total, "await " + total, Duration.ofSeconds(timeoutSeconds));
    return WorkerProtocol.OK + " " + Clock.epochNanos();
  }

  private String members(int count, String group, String topic) throws PgException {
    members.spawn(count, group, topic);
    return WorkerProtocol.OK;
  }

  private PgInstance open(RunningProcess process) throws PgException {
    return node.pg().open(process, WorkerProtocol.SCOPE);
  }

  @Override
  public void close() {
    if (watch != null) {
      watch.close();
    }
    workers.shutdownNow();
  }
}
