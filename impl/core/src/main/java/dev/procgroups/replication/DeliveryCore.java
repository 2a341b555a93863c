package dev.procgroups.replication;

import dev.procgroups.process.Pid;
import dev.procgroups.replication.Output.Deliver;
import dev.procgroups.replication.Output.Send;
import dev.procgroups.replication.WireMessage.Delivery;
import dev.procgroups.transport.NodeId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Messages from local processes to processes on other nodes (remote broadcasts, one message per
 * node carrying its target PIDs, and process-to-process sends), as a pure state machine like {@link
 * ReplicationCore}. Each link numbers its messages so that the receiver delivers them at most once
 * and in order (FIFO per sender and receiver, across scopes), whatever the network does; one that
 * arrives late is dropped (best effort). Nothing goes to a peer that is not up.
 */
public final class DeliveryCore {
  private final NodeId self;
  private final boolean ordered;
  private final Map<String, Link> links = new TreeMap<>();

  public DeliveryCore(NodeId self) {
    this.self = self;
    this.ordered = !PlantedBug.UNORDERED_BROADCAST.planted();
  }

  public void peerUp(NodeId peer) {
    Link link = links.computeIfAbsent(peer.name(), n -> new Link());
    if (link.up == null || link.up.incarnation() <= peer.incarnation()) {
      link.up = peer;
    }
  }

  public void peerDown(NodeId peer) {
    Link link = links.get(peer.name());
    if (link != null && peer.equals(link.up)) {
      link.up = null;
    }
  }

  /** A message to {@code targets} (PIDs of {@code node}, once per slot); nothing if it is down. */
  public List<Output> send(
      String node, Pid sender, String topic, Object payload, List<Pid> targets) {
    Link link = links.get(node);
    if (link == null || link.up == null || targets.isEmpty()) {
      return List.of();
    }
    link.sent++; // never reset within our incarnation, so the receiver's order check holds
    return List.of(
        new Send(
            link.up,
            new Delivery(
                self.incarnation(), link.sent, sender, topic, payload, List.copyOf(targets))));
  }

  /**
   * A message from {@code from}; throws, changing nothing, if its sender is not the peer's or a
   * target is not one of this node's PIDs.
   */
  public List<Output> receive(NodeId from, Delivery d) throws MalformedMessageException {
    if (from.name().equals(self.name()) || !d.sender().node().equals(from.name())) {
      throw new MalformedMessageException("sender is not the peer's: " + d.sender());
    }
    for (Pid pid : d.targets()) {
      if (!pid.node().equals(self.name())) {
        throw new MalformedMessageException("target is not local: " + pid);
      }
    }
    Link link = links.get(from.name());
    if (link == null || !from.equals(link.up) || d.incarnation() != from.incarnation()) {
      return List.of(); // from a peer that is down, or from an earlier start
    }
    if (link.fromIncarnation != from.incarnation()) {
      link.fromIncarnation = from.incarnation();
      link.delivered = 0;
    }
    if (d.number() <= link.delivered && ordered) {
      return List.of(); // late or repeated
    }
    link.delivered = Math.max(link.delivered, d.number());
    return List.of(new Deliver(d.sender(), d.topic(), d.payload(), d.targets()));
  }

  private static final class Link {
    NodeId up;
    long sent;
    long fromIncarnation;
    long delivered;
  }
}
