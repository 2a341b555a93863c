package dev.procgroups.cluster;

import dev.procgroups.replication.MalformedMessageException;
import dev.procgroups.replication.Output;
import dev.procgroups.replication.ProtocolMessage;
import dev.procgroups.replication.ReplicationCore;
import dev.procgroups.replication.WireMessage;
import dev.procgroups.store.StoreChange;
import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent;
import dev.procgroups.transport.Transport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One scope on one node: feeds its {@link ReplicationCore} with the store's local changes (on the
 * store writer's thread) and with peers' messages, peer events and ticks (on the node's inbound
 * thread), one at a time, and carries out what each step outputs.
 *
 * <p>Local changes are queued in commit order and handed to the core by a flush on the inbound
 * executor: the changes committed meanwhile travel as one message per peer (consecutive seqs), so a
 * burst of joins costs one encoding and one send per peer rather than one per join.
 */
final class ScopeReplica {
  /** Bounds one message's size; a longer queue is flushed in several messages. */
  static final int MAX_BATCH = 1024;

  private final ReplicationCore core;
  private final ReplicatedStore store;
  private final Transport transport;
  private final Executor inbound;
  private final Queue<StoreChange.Delta> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean flushScheduled = new AtomicBoolean();
  private final AtomicInteger queued = new AtomicInteger();

  /** Callers waiting until their changes are visible, by probe token; under the core's lock. */
  private final Map<Long, Visibility> waiting = new HashMap<>();

  private long lastToken; // under the core's lock

  /** Resync requests sent, written under the core's lock. */
  private volatile long resyncRequests;

  ScopeReplica(ReplicationCore core, ReplicatedStore store, Transport transport, Executor inbound) {
    this.core = core;
    this.store = store;
    this.transport = transport;
    this.inbound = inbound;
    store.onLocalChange(this::localChange);
  }

  /** Called by the store under its writer lock, so the queue is in commit order; never blocks. */
  private void localChange(StoreChange.Delta change) {
    pending.add(change);
    if (queued.incrementAndGet() > MAX_BATCH) {
      drain(); // backpressure: a writer outrunning replication pays for sending, as unbatched
      return;
    }
    if (flushScheduled.compareAndSet(false, true)) {
      try {
        inbound.execute(this::flush);
      } catch (RejectedExecutionException stopping) {
        // The node is shutting down: its inbound side is gone too, nothing travels any more.
      }
    }
  }

  /**
   * Hands every queued change to the core. The flag is cleared before draining, so a change queued
   * after the drain schedules another flush; one queued before is drained here.
   */
  private void flush() {
    flushScheduled.set(false);
    drain();
  }

  private void drain() {
    synchronized (core) {
      List<StoreChange.Delta> batch = new ArrayList<>();
      for (StoreChange.Delta d = pending.poll(); d != null; d = pending.poll()) {
        queued.decrementAndGet();
        batch.add(d);
        if (batch.size() == MAX_BATCH) {
          Outputs.send(transport, core.localChanges(batch));
          batch.clear();
        }
      }
      Outputs.send(transport, core.localChanges(batch));
    }
  }

  /**
   * Completes once every change this node made in the scope before the call is applied on every
   * peer that is up at the call (a peer that goes down meanwhile is no longer waited for). Never
   * completes while a live peer lags: the caller bounds the wait.
   */
  CompletableFuture<Void> visibleOnPeers() {
    CompletableFuture<Void> visible = new CompletableFuture<>();
    try {
      inbound.execute(() -> probe(visible));
    } catch (RejectedExecutionException stopping) {
      visible.completeExceptionally(new IllegalStateException("the node is closed"));
    }
    return visible;
  }

  /** On the inbound thread: the changes queued so far leave before the probe, on the same path. */
  private void probe(CompletableFuture<Void> visible) {
    synchronized (core) {
      drain();
      List<NodeId> peers = core.peersUp();
      if (peers.isEmpty()) {
        visible.complete(null);
        return;
      }
      long token = ++lastToken;
      waiting.put(token, new Visibility(core.localSeq(), new HashSet<>(peers), visible));
      Outputs.send(transport, core.probe(token, peers));
    }
  }

  void receive(NodeId from, ProtocolMessage message, long now) throws MalformedMessageException {
    step(() -> core.receive(from, message, now));
  }

  void peerEvent(PeerEvent event, long now) throws MalformedMessageException {
    step(
        () ->
            event instanceof PeerEvent.Up up
                ? core.peerUp(up.peer(), now)
                : core.peerDown(event.peer()));
  }

  void tick(long now) throws MalformedMessageException {
    step(() -> core.tick(now));
    reprobe();
  }

  /** Asks again the peers that answered with too little (their resync may have come since). */
  private void reprobe() {
    synchronized (core) { // the tick's step has settled (and dropped) the finished waits
      waiting.forEach(
          (token, v) -> Outputs.send(transport, core.probe(token, List.copyOf(v.peers))));
    }
  }

  long resyncRequests() {
    return resyncRequests;
  }

  private static boolean asksResync(Output o) {
    return o instanceof Output.Send s
        && s.message() instanceof WireMessage.ForScope f
        && f.message() instanceof ProtocolMessage.ResyncRequest;
  }

  /** Runs one input; the store is written after the core's lock is released. */
  private void step(Step input) throws MalformedMessageException {
    List<Output> out;
    synchronized (core) {
      out = input.run();
      resyncRequests += out.stream().filter(ScopeReplica::asksResync).count();
      Outputs.send(transport, out);
      settle(out);
    }
    Outputs.apply(out, store);
  }

  /** Strikes off peers that answered far enough and live peers that went down. */
  private void settle(List<Output> out) {
    if (waiting.isEmpty()) {
      return;
    }
    List<NodeId> up = core.peersUp();
    for (Output o : out) {
      if (o instanceof Output.Acked a) {
        Visibility v = waiting.get(a.token());
        if (v != null && a.appliedSeq() >= v.seq) {
          v.peers.remove(a.peer());
        }
      }
    }
    waiting.values().removeIf(v -> v.settled(up));
  }

  /** One caller's wait: the local change it must see applied, the peers yet to show it. */
  private record Visibility(long seq, Set<NodeId> peers, CompletableFuture<Void> caller) {
    /** Drops peers no longer up; completes the caller once none is left. True when done. */
    boolean settled(List<NodeId> up) {
      peers.retainAll(up);
      if (peers.isEmpty()) {
        caller.complete(null);
      }
      return caller.isDone();
    }
  }

  @FunctionalInterface
  private interface Step {
    List<Output> run() throws MalformedMessageException;
  }
}
