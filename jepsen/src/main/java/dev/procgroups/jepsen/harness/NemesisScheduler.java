package dev.procgroups.jepsen.harness;

import dev.procgroups.jepsen.nemesis.Fault;
import dev.procgroups.jepsen.nemesis.FaultInjector;
import dev.procgroups.jepsen.net.Partition;
import dev.procgroups.jepsen.net.Partitions;
import dev.procgroups.model.checkers.PgOps;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * The nemesis generator: waits {@code faultEvery}, starts a random fault of the configured kinds,
 * keeps it {@code faultFor}, undoes it, and again, until the deadline. Each step is recorded as a
 * pair of nemesis operations. A fault it started is always undone, also past the deadline.
 */
final class NemesisScheduler implements Runnable {

  private final RunConfig config;
  private final List<String> nodes;
  private final FaultInjector faults;
  private final Recorder recorder;
  private final Random random;
  private final LongSupplier deadline;
  private volatile String current = "none";

  NemesisScheduler(RunConfig config, List<String> nodes, FaultInjector faults, Recorder recorder, LongSupplier deadline) {
    this.config = config;
    this.nodes = nodes;
    this.faults = faults;
    this.recorder = recorder;
    this.random = new Random(config.seed() ^ 0x6e656d65L);
    this.deadline = deadline;
  }

  /** The fault in force now, for the progress line. */
  String current() {
    return current;
  }

  @Override
  public void run() {
    List<NemesisKind> kinds = new ArrayList<>(config.nemeses());
    kinds.sort(null);
    try {
      while (sleepUntil(Math.min(deadline.getAsLong(), recorder.now() + config.faultEvery().toNanos()))
          && recorder.now() + config.faultFor().toNanos() < deadline.getAsLong()) {
        NemesisKind kind = kinds.get(random.nextInt(kinds.size()));
        if (kind.isPartition() && nodes.size() < 2) {
          continue;
        }
        String node = nodes.get(random.nextInt(nodes.size()));
        try {
          start(kind, node);
          sleepUntil(recorder.now() + config.faultFor().toNanos());
        } finally {
          stop(kind, node);
        }
      }
    } finally {
      current = "none";
    }
  }

  private void start(NemesisKind kind, String node) {
    if (kind.isPartition()) {
      Partition p = partition(kind, node);
      current = p.description();
      recorder.nemesis(PgOps.START_PARTITION, p.description(), () -> faults.apply(new Fault.Cut(p)));
    } else if (kind == NemesisKind.KILL) {
      current = "kill " + node;
      recorder.nemesis(PgOps.KILL_NODE, node, () -> faults.apply(Fault.kill(node)));
    } else {
      current = "pause " + node;
      recorder.nemesis(PgOps.PAUSE_NODE, node, () -> faults.apply(Fault.pause(node)));
    }
  }

  private void stop(NemesisKind kind, String node) {
    current = "healing";
    if (kind.isPartition()) {
      recorder.nemesis(PgOps.STOP_PARTITION, "healed", () -> faults.apply(new Fault.Heal()));
    } else if (kind == NemesisKind.KILL) {
      recorder.nemesis(PgOps.START_NODE, node, () -> faults.apply(Fault.restart(node)));
    } else {
      recorder.nemesis(PgOps.RESUME_NODE, node, () -> faults.apply(Fault.resume(node)));
    }
    current = "none";
  }

  private Partition partition(NemesisKind kind, String node) {
    return switch (kind) {
      case HALVES -> Partitions.randomHalves(nodes, random);
      case ISOLATE -> Partitions.isolate(node, nodes);
      case RING -> Partitions.majorityRing(nodes, random);
      case BRIDGE -> Partitions.bridge(nodes, random);
      case ONE_WAY -> Partitions.randomOneWay(nodes, random);
      case KILL, PAUSE -> throw new IllegalArgumentException(kind + " is not a partition");
    };
  }

  /** Sleeps until {@code time} (recorder clock); false if interrupted. */
  private boolean sleepUntil(long time) {
    long left = time - recorder.now();
    if (left <= 0) {
      return true;
    }
    try {
      Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
