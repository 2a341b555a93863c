package dev.procgroups.props.hostile;

import dev.procgroups.registry.ScopeConfig;
import dev.procgroups.replication.DeliveryCore;
import dev.procgroups.replication.MalformedMessageException;
import dev.procgroups.replication.Output;
import dev.procgroups.replication.ProtocolCodec;
import dev.procgroups.replication.ProtocolMessage;
import dev.procgroups.replication.ReplicationCore;
import dev.procgroups.replication.ReplicationSettings;
import dev.procgroups.replication.WireMessage;
import dev.procgroups.store.MembershipStore;
import dev.procgroups.transport.NodeId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Node {@code a}'s receiving side of scope {@code s}, driven as the node drives it: decode, hand
 * the message to the replication or delivery core, apply the core's outputs to the store. Peer
 * {@code b} is up and has one slot in group {@code g}.
 */
final class HostileReceiver {
  static final String SCOPE = "s";
  static final NodeId SELF = new NodeId("a", 1);
  static final NodeId PEER = new NodeId("b", 1);

  private final ReplicationCore core =
      new ReplicationCore(SCOPE, SELF, new ReplicationSettings(100, 500, 100));
  private final DeliveryCore delivery = new DeliveryCore(SELF);
  private final MembershipStore store = new MembershipStore(SELF.name(), ScopeConfig.DEFAULTS);
  private long now;
  int rejected;
  int accepted;

  HostileReceiver() throws MalformedMessageException {
    delivery.peerUp(PEER);
    apply(core.peerUp(PEER, now));
    apply(
        core.receive(
            PEER,
            new ProtocolMessage.Sync(1, 0, Map.of("g", List.of(Messages.peerPid(1)))),
            ++now));
  }

  /**
   * Feeds one inbound message. Only the decoder's and the cores' declared {@link
   * MalformedMessageException} may come out, and a rejected message must change nothing.
   */
  void receive(byte[] bytes) {
    now += 7;
    WireMessage wire;
    try {
      wire = ProtocolCodec.decode(bytes);
    } catch (MalformedMessageException e) {
      rejected++;
      return;
    } catch (RuntimeException | Error e) {
      throw new AssertionError("decoder threw " + e + " on " + hex(bytes), e);
    }
    String before = observable();
    try {
      if (wire instanceof WireMessage.ForScope f && f.scope().equals(SCOPE)) {
        apply(core.receive(PEER, f.message(), now));
      } else if (wire instanceof WireMessage.Delivery d) {
        delivery.receive(PEER, d); // its outputs go to local mailboxes, not to the store
      }
      accepted++;
    } catch (MalformedMessageException e) {
      rejected++;
      if (!observable().equals(before)) {
        throw new AssertionError(
            "rejected message changed state: "
                + hex(bytes)
                + "\nbefore "
                + before
                + "\nafter  "
                + observable());
      }
    } catch (RuntimeException | Error e) {
      throw new AssertionError("core or store threw " + e + " on " + hex(bytes), e);
    }
    if (now % 5 == 0) {
      apply(core.tick(now));
    }
  }

  private void apply(List<Output> outputs) {
    for (Output o : outputs) {
      if (o instanceof Output.Apply a) {
        store.apply(a.change());
      } else if (o instanceof Output.Send s) {
        ProtocolCodec.encode(s.message()); // what we answer must encode, too
      }
    }
  }

  /** The core's protocol state and every group's members in the store. */
  private String observable() {
    Map<String, Object> members = new TreeMap<>();
    for (String g : store.groups()) {
      members.put(g, store.members(g));
    }
    return core.fingerprint() + " " + members;
  }

  static String hex(byte[] bytes) {
    return bytes.length + " bytes " + HexFormat.of().formatHex(bytes);
  }
}
