package dev.procgroups.transport.atomix;

import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what SWIM currently lists into {@link PeerEvent}s. SWIM keys members by name only,
 * so a node restarted within the failure timeout shows up as a metadata change, not as a removal:
 * a larger incarnation under a known name is reported as Down(old) then Up(new). Confined to one
 * thread.
 */
final class PeerTable {

  private final Map<String, Long> incarnations = new HashMap<>();
  /** The newest start of each name that said farewell; SWIM may list it alive for a while. */
  private final Map<String, Long> departed = new HashMap<>();

  /** A live member was observed with this incarnation. */
  List<PeerEvent> alive(NodeId peer) {
    if (peer.incarnation() <= departed.getOrDefault(peer.name(), 0L)) {
      return List.of();
    }
    Long known = incarnations.get(peer.name());
    if (known == null) {
      incarnations.put(peer.name(), peer.incarnation());
      return List.of(new PeerEvent.Up(peer));
    }
    if (peer.incarnation() > known) {
      incarnations.put(peer.name(), peer.incarnation());
      return List.of(
          new PeerEvent.Down(new NodeId(peer.name(), known)), new PeerEvent.Up(peer));
    }
    return List.of(); // same start, or a stale report about an older one
  }

  /** SWIM no longer lists the member (removed as dead): the start we know goes down. */
  List<PeerEvent> gone(String name) {
    Long known = incarnations.remove(name);
    return known == null ? List.of() : List.of(new PeerEvent.Down(new NodeId(name, known)));
  }

  /** The peer said farewell: it (and any older start) is down and never comes back. */
  List<PeerEvent> left(NodeId peer) {
    departed.merge(peer.name(), peer.incarnation(), Math::max);
    Long known = incarnations.get(peer.name());
    if (known == null || known > peer.incarnation()) {
      return List.of();
    }
    return gone(peer.name());
  }

  /** The peers currently up, for a listener registered late. */
  List<NodeId> up() {
    return incarnations.entrySet().stream()
        .map(entry -> new NodeId(entry.getKey(), entry.getValue()))
        .toList();
  }
}
