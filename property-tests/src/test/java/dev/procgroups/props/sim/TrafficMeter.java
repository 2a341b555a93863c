package dev.procgroups.props.sim;

import dev.procgroups.replication.MalformedMessageException;
import dev.procgroups.replication.ProtocolCodec;
import dev.procgroups.replication.WireMessage;
import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.sim.SimNetwork;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what the nodes of a {@link SimNetwork} send, by kind of message (the replication
 * protocol's message type, or {@code Delivery} for messages to processes), in messages and bytes.
 */
final class TrafficMeter implements SimNetwork.SendTap {
  private final Map<String, Count> byKind = new TreeMap<>();

  @Override
  public void sent(NodeId from, NodeId to, byte[] message) {
    byKind.merge(kind(message), new Count(1, message.length), Count::plus);
  }

  /** What was sent so far, by kind. */
  Traffic snapshot() {
    return new Traffic(Map.copyOf(byKind));
  }

  private static String kind(byte[] message) {
    try {
      WireMessage wire = ProtocolCodec.decode(message);
      return wire instanceof WireMessage.ForScope f
          ? f.message().getClass().getSimpleName()
          : wire.getClass().getSimpleName();
    } catch (MalformedMessageException e) {
      throw new AssertionError("a node sent a message it cannot decode", e);
    }
  }

  /** Messages and bytes. */
  record Count(long messages, long bytes) {
    static final Count ZERO = new Count(0, 0);

    Count plus(Count o) {
      return new Count(messages + o.messages, bytes + o.bytes);
    }

    Count minus(Count o) {
      return new Count(messages - o.messages, bytes - o.bytes);
    }
  }

  /** Counts by kind of message at one moment; {@link #since} gives what was sent in between. */
  record Traffic(Map<String, Count> byKind) {
    Count of(String kind) {
      return byKind.getOrDefault(kind, Count.ZERO);
    }

    Count total() {
      return byKind.values().stream().reduce(Count.ZERO, Count::plus);
    }

    Traffic since(Traffic earlier) {
      Map<String, Count> out = new TreeMap<>();
      byKind.forEach(
          (kind, count) -> {
            Count diff = count.minus(earlier.of(kind));
            if (diff.messages() > 0) {
              out.put(kind, diff);
            }
          });
      return new Traffic(out);
    }
  }
}
