package dev.procgroups.pg;

import dev.procgroups.process.ProcessHandle;
import dev.procgroups.store.MembershipStore;
import dev.procgroups.store.Subscription;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What pg holds for one process on this node: its instances, its subscriptions and the scopes it
 * opened. On exit everything is released, closed and removed (its slots in every scope).
 */
final class ProcessRecord {

  private final ProcessHandle handle;
  private final Set<PgInstance> instances = new LinkedHashSet<>();
  private final Set<Subscription> subscriptions = new LinkedHashSet<>();
  private final Set<MembershipStore> stores = new LinkedHashSet<>();
  private volatile boolean exited;

  ProcessRecord(ProcessHandle handle) {
    this.handle = handle;
  }

  ProcessHandle handle() {
    return handle;
  }

  /** True until the process exits; stores check it under their writer lock before a join. */
  boolean live() {
    return !exited && handle.alive();
  }

  /** Records a new instance; false if the process has already exited. */
  synchronized boolean attach(PgInstance instance, MembershipStore store) {
    if (exited) {
      return false;
    }
    instances.add(instance);
    stores.add(store);
    return true;
  }

  synchronized void detach(PgInstance instance) {
    instances.remove(instance);
  }

  /** Records a subscription to close at exit; closes it at once if the process is gone. */
  void addSubscription(Subscription subscription) {
    synchronized (this) {
      if (!exited) {
        // Closed and drained subscriptions have nothing left for the exit to discard.
        subscriptions.removeIf(s -> s.channel().isClosed() && s.channel().size() == 0);
        subscriptions.add(subscription);
        return;
      }
    }
    subscription.close(true);
  }

  /**
   * Runs once, from the process's exit hook. Its subscriptions close discarding their buffers
   * (nobody can read them any more), then its slots go in every scope it opened.
   */
  void exit() {
    List<PgInstance> toRelease;
    List<Subscription> toClose;
    List<MembershipStore> toClean;
    synchronized (this) {
      exited = true;
      toRelease = new ArrayList<>(instances);
      toClose = new ArrayList<>(subscriptions);
      toClean = new ArrayList<>(stores);
      instances.clear();
      subscriptions.clear();
      stores.clear();
    }
    toRelease.forEach(PgInstance::release);
    toClose.forEach(sub -> sub.close(true));
    toClean.forEach(store -> store.removeProcess(handle.pid()));
  }
}
