package dev.procgroups.transport.atomix;

import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The failure detector, as a state machine fed only with authenticated evidence: a peer is Up once
 * a message from that very start arrived, Down once it was silent for longer than the limit, said
 * farewell, or a later start of the same name spoke. Nobody without the cluster secret can produce
 * any of these inputs, so nobody without it can change what this node sees. Times are monotonic
 * ({@link System#nanoTime()}): a wall-clock step changes nothing here. No threads or clocks inside;
 * confined to one thread.
 */
final class PeerLiveness {

  private final long silenceLimitNanos;
  private final Map<String, Peer> peers = new HashMap<>();

  /** When {@link #tick} last ran, to tell this node's own stalls from its peers' silence. */
  private long lastTickNanos;

  private boolean ticked;

  /** The newest start of each name that said farewell: it never comes back. */
  private final Map<String, Long> departed = new HashMap<>();

  /** The start of a name heard last, when, and whether it is reported up. */
  private static final class Peer {
    long incarnation;
    long lastHeardNanos;
    boolean up;

    Peer(long incarnation, long now) {
      this.incarnation = incarnation;
      this.lastHeardNanos = now;
    }
  }

  PeerLiveness(long silenceLimitNanos) {
    if (silenceLimitNanos <= 0) {
      throw new IllegalArgumentException("silence limit must be positive: " + silenceLimitNanos);
    }
    this.silenceLimitNanos = silenceLimitNanos;
  }

  /** An authenticated message from {@code from} arrived at {@code now}. */
  List<PeerEvent> heard(NodeId from, long now) {
    if (from.incarnation() <= departed.getOrDefault(from.name(), 0L)) {
      return List.of();
    }
    Peer peer = peers.get(from.name());
    if (peer == null) {
      peer = new Peer(from.incarnation(), now);
      peers.put(from.name(), peer);
    }
    if (from.incarnation() < peer.incarnation) {
      return List.of(); // an earlier start's message, still on its way
    }
    List<PeerEvent> events = new ArrayList<>(2);
    if (from.incarnation() > peer.incarnation) {
      if (peer.up) {
        events.add(new PeerEvent.Down(new NodeId(from.name(), peer.incarnation)));
      }
      peer.incarnation = from.incarnation();
      peer.up = false;
    }
    peer.lastHeardNanos = now;
    if (!peer.up) {
      peer.up = true;
      events.add(new PeerEvent.Up(from));
    }
    return events;
  }

  /** {@code from} (authenticated) is stopping: it, and any older start, is down for good. */
  List<PeerEvent> farewell(NodeId from) {
    departed.merge(from.name(), from.incarnation(), Math::max);
    Peer peer = peers.get(from.name());
    if (peer == null || peer.incarnation > from.incarnation()) {
      return List.of();
    }
    peers.remove(from.name());
    return peer.up
        ? List.of(new PeerEvent.Down(new NodeId(from.name(), peer.incarnation)))
        : List.of();
  }

  /**
   * Time passed: every peer up but silent for longer than the limit goes down. A tick that comes
   * more than half the limit after the previous one means this node itself did not run meanwhile (a
   * GC pause, a stopped process, an overloaded machine): the peers' messages of that time are still
   * queued unread, so that gap is not counted as their silence. Otherwise a node would report every
   * peer down, and have them resynchronised, after each of its own stalls.
   */
  List<PeerEvent> tick(long now) {
    if (ticked && now - lastTickNanos > silenceLimitNanos / 2) {
      long stalled = now - lastTickNanos;
      peers.values().forEach(p -> p.lastHeardNanos = Math.min(now, p.lastHeardNanos + stalled));
    }
    ticked = true;
    lastTickNanos = now;
    List<PeerEvent> events = new ArrayList<>();
    peers.forEach(
        (name, peer) -> {
          if (peer.up && now - peer.lastHeardNanos > silenceLimitNanos) {
            peer.up = false;
            events.add(new PeerEvent.Down(new NodeId(name, peer.incarnation)));
          }
        });
    return events;
  }

  /** Whether this very start is reported up now. */
  boolean isUp(NodeId peer) {
    Peer known = peers.get(peer.name());
    return known != null && known.up && known.incarnation == peer.incarnation();
  }

  /** The start of {@code name} heard last (up or not), 0 if none. */
  long incarnationOf(String name) {
    Peer known = peers.get(name);
    return known == null ? 0 : known.incarnation;
  }

  /** The peers up now, for a listener registered late. */
  List<NodeId> up() {
    List<NodeId> up = new ArrayList<>();
    peers.forEach(
        (name, peer) -> {
          if (peer.up) {
            up.add(new NodeId(name, peer.incarnation));
          }
        });
    return up;
  }
}
