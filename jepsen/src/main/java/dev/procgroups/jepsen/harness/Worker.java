package dev.procgroups.jepsen.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Jepsen client process: a {@link PgClient} on one node, the pg processes it spawned there, and
 * the subscriptions they opened. When its node restarts (a new incarnation) those are gone and the
 * workload sets the worker up again.
 */
public final class Worker {

  /** A subscription this worker opened: its id and group. */
  public record Subscribed(String id, String group) {}

  private final PgClient client;
  private final Random random;
  private final List<String> groups;
  private final AtomicLong messages;
  private final List<String> pids = new ArrayList<>();
  private final List<Subscribed> subscriptions = new ArrayList<>();
  private int generation = -1;

  Worker(PgClient client, Random random, List<String> groups, AtomicLong messages) {
    this.client = client;
    this.random = random;
    this.groups = groups;
    this.messages = messages;
  }

  public PgClient client() {
    return client;
  }

  public Random random() {
    return random;
  }

  public List<String> groups() {
    return groups;
  }

  /** The live processes this worker spawned (a killed one is removed by whoever killed it). */
  public List<String> pids() {
    return pids;
  }

  public List<Subscribed> subscriptions() {
    return subscriptions;
  }

  /** A random live process of this worker, spawning one if it has none; null if that failed. */
  public String anyPid() {
    if (pids.isEmpty()) {
      spawn();
    }
    return pids.isEmpty() ? null : pids.get(random.nextInt(pids.size()));
  }

  /** Spawns a process and keeps it if the spawn succeeded. */
  public String spawn() {
    String pid = client.spawn();
    if (pid != null) {
      pids.add(pid);
    }
    return pid;
  }

  /** The final read of every group on this worker's node (skipped if no process can be had). */
  public void finalRead() {
    String pid = anyPid();
    if (pid != null) {
      client.finalRead(pid, groups);
    }
  }

  public String anyGroup() {
    return groups.get(random.nextInt(groups.size()));
  }

  /** A run-wide unique broadcast number. */
  public long nextMessage() {
    return messages.incrementAndGet();
  }

  /** Forgets everything on the node if it restarted since the last call; true if it did. */
  boolean forgetIfRestarted(int nodeGeneration) {
    if (nodeGeneration == generation) {
      return false;
    }
    generation = nodeGeneration;
    pids.clear();
    subscriptions.clear();
    return true;
  }
}
