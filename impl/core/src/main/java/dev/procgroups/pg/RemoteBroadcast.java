package dev.procgroups.pg;

import dev.procgroups.process.Pid;
import java.util.List;

/**
 * Carries a broadcast to the members on one remote node: one call per node, with that node's target
 * PIDs (once per slot). Implemented by the cluster layer; the receiving node fans the message out
 * locally through its {@link dev.procgroups.process.MessageSink}.
 */
@FunctionalInterface
public interface RemoteBroadcast {

  void send(String node, Pid from, String topic, Object payload, List<Pid> targets);

  /** For a node without peers: there is never a remote member to reach. */
  RemoteBroadcast NONE = (node, from, topic, payload, targets) -> {};
}
