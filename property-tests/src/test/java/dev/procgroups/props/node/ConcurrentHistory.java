package dev.procgroups.props.node;

import dev.procgroups.model.history.History;
import dev.procgroups.model.history.HistoryBuilder;
import dev.procgroups.model.linearizability.MembershipOps;
import dev.procgroups.pg.ErrorKind;
import dev.procgroups.pg.Pg;
import dev.procgroups.pg.PgException;
import dev.procgroups.pg.PgInstance;
import dev.procgroups.pg.RemoteBroadcast;
import dev.procgroups.process.Pid;
import dev.procgroups.registry.Registry;
import dev.procgroups.security.SecurityPolicy;
import dev.procgroups.testing.FakeProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Records a history of concurrent membership calls on one node: {@code threads} processes, each on
 * its own thread, join, leave and read two groups at once through the pg API, every call recorded
 * (invocation before, completion after) in the shape {@link MembershipOps} describes.
 */
final class ConcurrentHistory {

  private static final List<String> GROUPS = List.of("a", "b");

  private ConcurrentHistory() {}

  static History record(int threads, int callsPerThread, long seed) throws Exception {
    Registry registry = new Registry();
    registry.registerScope("app:pg", Map.of());
    Pg pg =
        new Pg(
            "n1",
            registry,
            SecurityPolicy.allowAll(),
            (to, from, topic, payload, bytes) -> true,
            RemoteBroadcast.NONE);
    HistoryBuilder history = new HistoryBuilder();
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        PgInstance instance = pg.open(FakeProcess.of("n1", t + 1), "app:pg");
        Random random = new Random(seed * 31 + t);
        int process = t;
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < callsPerThread; i++) {
                    call(instance, process, random, history);
                  }
                  return null;
                }));
      }
      for (Future<?> run : runs) {
        run.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    return history.build();
  }

  private static void call(PgInstance instance, int process, Random random, HistoryBuilder history)
      throws PgException {
    String group = GROUPS.get(random.nextInt(GROUPS.size()));
    String pid = instance.pid().toString();
    int dice = random.nextInt(100);
    if (dice < 35) {
      history.invoke(
          process, MembershipOps.JOIN, MembershipOps.slot(pid, group), System.nanoTime());
      instance.join(group);
      history.ok(process, MembershipOps.slot(pid, group), System.nanoTime());
    } else if (dice < 60) {
      history.invoke(
          process, MembershipOps.LEAVE, MembershipOps.slot(pid, group), System.nanoTime());
      try {
        instance.leave(group);
        history.ok(process, MembershipOps.slot(pid, group), System.nanoTime());
      } catch (PgException e) {
        if (e.kind() != ErrorKind.INVALID) {
          throw e;
        }
        history.fail(
            process, MembershipOps.slot(pid, group), MembershipOps.INVALID, System.nanoTime());
      }
    } else {
      boolean local = dice >= 85;
      history.invoke(
          process,
          local ? MembershipOps.GET_LOCAL_MEMBERS : MembershipOps.GET_MEMBERS,
          MembershipOps.read(group),
          System.nanoTime());
      List<Pid> members = local ? instance.getLocalMembers(group) : instance.getMembers(group);
      List<String> texts = members.stream().map(Pid::toString).toList();
      history.ok(process, MembershipOps.readResult(group, texts), System.nanoTime());
    }
  }
}
