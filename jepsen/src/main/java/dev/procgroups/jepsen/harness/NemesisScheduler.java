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
 * keeps it {@code faultFor}, undoes it, and again, until the deadline. With {@code overlap} it
 * nests up to three faults of different categories (a partition during a pause during packet loss),
 * node faults on different nodes: each starts a while after the one before, and they are undone in
 * reverse order. Each step is recorded as a pair of nemesis operations. A fault it started is
 * always undone, also past the deadline.
 */
final class NemesisScheduler implements Runnable {

  private final RunConfig config;
  private final List<String> nodes;
  private final FaultInjector faults;
  private final Recorder recorder;
  private final Random random;
  private final LongSupplier deadline;
  private volatile String current = "none";

  NemesisScheduler(
      RunConfig config,
      List<String> nodes,
      FaultInjector faults,
      Recorder recorder,
      LongSupplier deadline) {
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
      while (sleepUntil(
              Math.min(deadline.getAsLong(), recorder.now() + config.faultEvery().toNanos()))
          && recorder.now() + config.faultFor().toNanos() < deadline.getAsLong()) {
        List<Step> steps = pick(kinds);
        long gap = config.faultFor().toNanos() / Math.max(1, 2 * steps.size());
        java.util.Deque<Step> started = new java.util.ArrayDeque<>();
        try {
          for (Step s : steps) {
            start(s.kind(), s.node());
            started.push(s);
            sleepUntil(recorder.now() + gap);
          }
          while (!started.isEmpty()) {
            Step s = started.pop();
            stop(s.kind(), s.node());
            if (!started.isEmpty()) {
              sleepUntil(recorder.now() + gap);
            }
          }
        } finally {
          started.forEach(s -> stop(s.kind(), s.node()));
        }
      }
    } finally {
      current = "none";
    }
  }

  /** One fault of a step, and the node it hits (if it hits one). */
  private record Step(NemesisKind kind, String node) {}

  /** One fault, or with overlap up to three of different categories on different nodes. */
  private List<Step> pick(List<NemesisKind> kinds) {
    List<NemesisKind> usable =
        kinds.stream().filter(k -> !k.isPartition() || nodes.size() > 1).toList();
    if (usable.isEmpty()) {
      return List.of();
    }
    int want = config.overlap() ? 1 + random.nextInt(3) : 1;
    List<Step> steps = new ArrayList<>();
    java.util.Set<String> categories = new java.util.HashSet<>();
    java.util.Set<String> hit = new java.util.HashSet<>();
    for (int tries = 0; steps.size() < want && tries < 20; tries++) {
      NemesisKind kind = usable.get(random.nextInt(usable.size()));
      String node = nodes.get(random.nextInt(nodes.size()));
      if (categories.add(kind.category()) && (!kind.onNode() || hit.add(node))) {
        steps.add(new Step(kind, node));
      }
    }
    return steps;
  }

  private void start(NemesisKind kind, String node) {
    if (kind.isPartition()) {
      Partition p = partition(kind, node);
      current = p.description();
      recorder.nemesis(
          PgOps.START_PARTITION, p.description(), () -> faults.apply(new Fault.Cut(p)));
    } else if (kind == NemesisKind.LOSS) {
      int percent = 10 + random.nextInt(31);
      current = "loss " + percent + "%";
      recorder.nemesis(
          PgOps.START_LOSS, percent + "%", () -> faults.apply(new Fault.Loss(percent)));
    } else if (kind == NemesisKind.BANDWIDTH) {
      int kbit = 32 << random.nextInt(4);
      current = "bandwidth " + kbit + " kbit/s";
      recorder.nemesis(
          PgOps.START_BANDWIDTH, kbit + " kbit/s", () -> faults.apply(new Fault.Throttle(kbit)));
    } else if (kind == NemesisKind.DISK_FULL) {
      // Each step its own operation, so the history shows the node's kills and starts.
      current = "disk full " + node;
      recorder.nemesis(PgOps.KILL_NODE, node, () -> faults.apply(Fault.kill(node)));
      recorder.nemesis(PgOps.START_DISK_FULL, node, () -> faults.apply(new Fault.FillDisk(node)));
    } else if (kind == NemesisKind.CLOCK) {
      long seconds = (random.nextBoolean() ? 1 : -1) * (30 + random.nextInt(271));
      current = "clock " + node + " " + seconds + " s";
      recorder.nemesis(
          PgOps.START_CLOCK, node, () -> faults.apply(new Fault.ClockJump(node, seconds)));
    } else if (kind == NemesisKind.IMPOSTOR) {
      current = "impostor " + node;
      recorder.nemesis(PgOps.START_IMPOSTOR, node, () -> faults.apply(new Fault.Impostor(node)));
    } else if (kind == NemesisKind.KILL || kind == NemesisKind.STALE_RESTART) {
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
    } else if (kind == NemesisKind.LOSS) {
      recorder.nemesis(PgOps.STOP_LOSS, "no loss", () -> faults.apply(new Fault.NoLoss()));
    } else if (kind == NemesisKind.BANDWIDTH) {
      recorder.nemesis(
          PgOps.STOP_BANDWIDTH, "no limit", () -> faults.apply(new Fault.Unthrottle()));
    } else if (kind == NemesisKind.DISK_FULL) {
      // Back with its clock stepped back: a start on the full disk that kept no incarnation shows.
      recorder.nemesis(PgOps.KILL_NODE, node, () -> faults.apply(Fault.kill(node)));
      recorder.nemesis(PgOps.STOP_DISK_FULL, node, () -> faults.apply(new Fault.FreeDisk(node)));
      recorder.nemesis(
          PgOps.START_STALE_NODE, node, () -> faults.apply(Fault.restartWithClockBack(node)));
    } else if (kind == NemesisKind.CLOCK) {
      recorder.nemesis(PgOps.STOP_CLOCK, node, () -> faults.apply(new Fault.ClockJump(node, 0)));
    } else if (kind == NemesisKind.IMPOSTOR) {
      recorder.nemesis(PgOps.STOP_IMPOSTOR, node, () -> faults.apply(new Fault.ImpostorGone()));
    } else if (kind == NemesisKind.STALE_RESTART) {
      recorder.nemesis(
          PgOps.START_STALE_NODE, node, () -> faults.apply(Fault.restartWithClockBack(node)));
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
      default -> throw new IllegalArgumentException(kind + " is not a partition");
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
