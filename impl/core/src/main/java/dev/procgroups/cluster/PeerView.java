package dev.procgroups.cluster;

import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peers this node sees up, for people and Java code: a snapshot readable from any thread,
 * listeners told of every change, waits for a number of peers, and an INFO line per change. Fed by
 * {@link ClusterNode} on its inbound thread, in the transport's order.
 */
final class PeerView {

  private static final Logger LOG = LoggerFactory.getLogger(PeerView.class);

  private final String self;
  private final List<Consumer<PeerEvent>> listeners = new CopyOnWriteArrayList<>();
  private final List<PeerCountWait> waits = new CopyOnWriteArrayList<>();
  private volatile Map<String, NodeId> up = Map.of();

  PeerView(String self) {
    this.self = self;
  }

  /** Live peers by name, with the incarnation each is up in. */
  Map<String, NodeId> peers() {
    return up;
  }

  void onChange(Consumer<PeerEvent> listener) {
    listeners.add(listener);
  }

  /** Completes with the peers up once at least {@code count} are; registered before the check. */
  CompletableFuture<Map<String, NodeId>> whenAtLeast(int count) {
    PeerCountWait wait = new PeerCountWait(count, new CompletableFuture<>());
    waits.add(wait);
    settle(wait);
    return wait.done();
  }

  /** Completes {@code wait} if enough peers are up (or its caller gave up), and forgets it. */
  private void settle(PeerCountWait wait) {
    Map<String, NodeId> now = up;
    if (now.size() >= wait.count()) {
      wait.done().complete(now);
    }
    if (wait.done().isDone()) {
      waits.remove(wait);
    }
  }

  private record PeerCountWait(int count, CompletableFuture<Map<String, NodeId>> done) {}

  /** Takes the change in, logs it, then tells the listeners (a failing one is logged). */
  void apply(PeerEvent event) {
    NodeId peer = event.peer();
    Map<String, NodeId> next = new TreeMap<>(up);
    if (event instanceof PeerEvent.Up) {
      next.put(peer.name(), peer);
      LOG.info("{}: peer {} up (incarnation {})", self, peer.name(), peer.incarnation());
    } else {
      next.remove(peer.name(), peer);
      LOG.info("{}: peer {} down (incarnation {})", self, peer.name(), peer.incarnation());
    }
    up = Collections.unmodifiableMap(next);
    waits.forEach(this::settle);
    for (Consumer<PeerEvent> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        LOG.warn("{}: peer listener failed on {}", self, event, e);
      }
    }
  }
}
