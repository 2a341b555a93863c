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

  /** A live member was observed with this incarnation. */
  List<PeerEvent> alive(NodeId peer) {
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

  /** The peers currently up, for a listener registered late. */
  List<NodeId> up() {
    return incarnations.entrySet().stream()
        .map(entry -> new NodeId(entry.getKey(), entry.getValue()))
        .toList();
  }
}
